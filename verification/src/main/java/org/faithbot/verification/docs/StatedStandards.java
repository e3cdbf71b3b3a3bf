package org.faithbot.verification.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The community and support standards the service is configured with ({@code chatbot.prayer.*},
 * {@code chatbot.safety.*} in the service's application.yaml), and whether a document states each as configured:
 * a standard of 24h must read "24 hours" (or "24 h"), one of 15m "15 minutes", a threshold of 3 "3" or "three",
 * in a sentence that names what the standard is about.
 */
public final class StatedStandards {

    /** A standard: its configuration key, its value as configured, and the words a sentence stating it names. */
    public record Standard(String key, String configured, List<String> about) {
        /** The phrase the documents must use for the value, as a pattern. */
        Pattern phrase() {
            if (configured.matches("\\d+")) {
                int n = Integer.parseInt(configured);
                return Pattern.compile("\\b(" + n + (n < WORDS.length ? "|" + WORDS[n] : "") + ")\\b", Pattern.CASE_INSENSITIVE);
            }
            Duration duration = duration(configured);
            if (duration.toMinutes() % 60 != 0 || duration.toHours() == 0) {
                return Pattern.compile("\\b" + duration.toMinutes() + "[- ](minutes?|min)\\b", Pattern.CASE_INSENSITIVE);
            }
            return Pattern.compile("\\b" + duration.toHours() + "[- ](hours?|h)\\b", Pattern.CASE_INSENSITIVE);
        }
    }

    private static final String[] WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private StatedStandards() {
    }

    /** The standards of the service's configuration ({@code service/src/main/resources/application.yaml}). */
    public static List<Standard> configured(Path projectRoot) {
        JsonNode chatbot;
        try {
            chatbot = YAML.readTree(projectRoot.resolve("service/src/main/resources/application.yaml").toFile()).path("chatbot");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of(
                standard(chatbot, "prayer", "response-standard", List.of("prayer team", "respond")),
                standard(chatbot, "prayer", "moderation-standard", List.of("moderat", "report")),
                standard(chatbot, "prayer", "auto-hide-flags", List.of("report", "hid")),
                standard(chatbot, "safety", "escalation-response-standard", List.of("acknowledg", "escalat")));
    }

    /** The standards the document does not state as configured, each in words; empty when it states them all. */
    public static List<String> misstated(String document, List<Standard> standards) {
        List<String> sentences = sentences(document);
        List<String> misstated = new ArrayList<>();
        for (Standard standard : standards) {
            boolean stated = sentences.stream().anyMatch(s -> standard.phrase().matcher(s).find()
                    && standard.about().stream().allMatch(word -> s.toLowerCase(Locale.ROOT).contains(word)));
            if (!stated) {
                misstated.add(standard.key() + " = " + standard.configured() + ": no sentence naming " + standard.about()
                        + " states it as " + standard.phrase().pattern());
            }
        }
        return misstated;
    }

    /**
     * The document's sentences: its blocks (a table row, a list item, a heading or a paragraph start a block), each
     * split after a full stop, a semicolon, a question or an exclamation mark.
     */
    static List<String> sentences(String document) {
        List<String> sentences = new ArrayList<>();
        for (String block : document.replace("\r\n", "\n").split("\n(?=\\s*(\\||- |\\* |\\d+\\. |#|\n))")) {
            for (String sentence : block.replace('\n', ' ').split("(?<=[.;!?])\\s+")) {
                if (!sentence.isBlank()) {
                    sentences.add(sentence.strip());
                }
            }
        }
        return sentences;
    }

    public static Duration duration(String configured) {
        var matcher = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)").matcher(configured.strip());
        if (!matcher.matches()) {
            return Duration.parse(configured.strip());
        }
        long n = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private static Standard standard(JsonNode chatbot, String group, String name, List<String> about) {
        JsonNode value = chatbot.path(group).path(name);
        if (value.isMissingNode()) {
            throw new IllegalStateException("chatbot." + group + "." + name + " is not in the service's application.yaml");
        }
        return new Standard("chatbot." + group + "." + name, value.asText(), about);
    }
}
