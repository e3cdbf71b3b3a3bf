package org.faithbot.verification.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Markdown document of the repository: its headings as GitHub anchors, its relative links, its fenced YAML block. */
public record MarkdownDocument(Path path, String text) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    public static MarkdownDocument read(Path path) {
        try {
            return new MarkdownDocument(path, Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The lines outside fenced blocks. */
    private List<String> prose() {
        List<String> lines = new ArrayList<>();
        boolean fenced = false;
        for (String line : text.split("\\R", -1)) {
            if (line.trim().startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The anchors GitHub gives the headings: lower case, punctuation dropped, spaces as hyphens. */
    public Set<String> anchors() {
        Set<String> anchors = new LinkedHashSet<>();
        for (String line : prose()) {
            if (line.startsWith("#")) {
                anchors.add(slug(line.replaceFirst("^#+\\s*", "")));
            }
        }
        return anchors;
    }

    static String slug(String heading) {
        return heading.trim().toLowerCase(Locale.ROOT).replace("`", "").replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    /** Links to files of the repository (not http, mailto or absolute), as written. */
    public List<String> relativeLinks() {
        List<String> links = new ArrayList<>();
        for (String line : prose()) {
            Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", ""));
            while (m.find()) {
                String target = m.group(1);
                if (!target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !target.startsWith("/")) {
                    links.add(target);
                }
            }
        }
        return links;
    }

    /** The first fenced ```yaml block, parsed. */
    public JsonNode yamlBlock() {
        int start = text.indexOf("```yaml");
        if (start < 0) {
            throw new IllegalStateException(path + " has no fenced yaml block");
        }
        int from = text.indexOf('\n', start) + 1;
        int end = text.indexOf("```", from);
        try {
            return YAML.readTree(text.substring(from, end));
        } catch (IOException e) {
            throw new IllegalStateException("the yaml block of " + path + " does not parse: " + e.getMessage(), e);
        }
    }
}
