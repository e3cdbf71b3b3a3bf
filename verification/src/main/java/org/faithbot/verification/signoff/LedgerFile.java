package org.faithbot.verification.signoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** A YAML file of the launch ledger (sign-offs, waivers), read and validated against its JSON schema beside it. */
final class LedgerFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private LedgerFile() {
    }

    /** The file's content, valid against {@code schemaFile}; an invalid file throws, naming every violation. */
    static JsonNode read(Path file, Path schemaFile) {
        JsonNode content;
        Schema schema;
        try {
            content = YAML.readTree(file.toFile());
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> { })
                    .getSchema(Files.readString(schemaFile), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " or its schema " + schemaFile, e);
        }
        if (content == null || content.isMissingNode() || content.isNull()) {
            throw new IllegalStateException(file + " is empty");
        }
        List<Error> errors = schema.validate(content, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)));
        if (!errors.isEmpty()) {
            throw new IllegalStateException(file + " does not follow " + schemaFile.getFileName() + ": "
                    + String.join("; ", errors.stream().map(Error::toString).toList()));
        }
        return content;
    }

    static LocalDate date(JsonNode node, String field, Path file) {
        JsonNode value = node.path(field);
        if (value.isNull() || value.isMissingNode()) {
            return null;
        }
        try {
            return LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(file + ": " + field + " '" + value.asText() + "' is not a date (YYYY-MM-DD)", e);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }
}
