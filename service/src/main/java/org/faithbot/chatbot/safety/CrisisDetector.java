package org.faithbot.chatbot.safety;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.faithbot.chatbot.scripture.TextNormalizer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * Recognises crisis language (self-harm, abuse) by keyword, as the topic classifier does (a keyword
 * matches a word that starts with it, phrases consecutive words), from
 * {@code safety/crisis-language.json}. Deliberately errs on the side of escalating.
 */
public class CrisisDetector {

    static final String RESOURCE = "safety/crisis-language.json";

    private final List<CrisisCategory> categories;

    private final List<List<String>> normalizedKeywords;

    public CrisisDetector(List<CrisisCategory> categories) {
        this.categories = List.copyOf(categories);
        this.normalizedKeywords = this.categories.stream()
            .map(category -> category.keywords().stream().map(TextNormalizer::normalize).map(String::stripTrailing).toList())
            .toList();
    }

    public static CrisisDetector loadDefault() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return new CrisisDetector(JsonMapper.builder().build().readValue(in, CrisisLanguage.class).categories());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + RESOURCE, ex);
        }
    }

    /** The first category whose language the message uses, if any. */
    public Optional<CrisisCategory> detect(String message) {
        String text = TextNormalizer.normalize(message);
        for (int i = 0; i < this.categories.size(); i++) {
            for (String keyword : this.normalizedKeywords.get(i)) {
                if (!keyword.isBlank() && text.contains(keyword)) {
                    return Optional.of(this.categories.get(i));
                }
            }
        }
        return Optional.empty();
    }

    public Optional<CrisisCategory> category(String name) {
        return this.categories.stream().filter(category -> category.name().equals(name)).findFirst();
    }

    public List<CrisisCategory> categories() {
        return this.categories;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CrisisLanguage(List<CrisisCategory> categories) {
    }
}
