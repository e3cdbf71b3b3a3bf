package org.faithbot.chatbot.scripture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * The curated verse library, read from {@code scripture/library.json} on the class path:
 * topics in priority order, each with keywords, encouragements and verses.
 */
public final class VerseLibrary {

    public static final String DEFAULT_RESOURCE = "scripture/library.json";

    private final String translation;
    private final String defaultTopic;
    private final Map<String, ScriptureTopic> topics;
    private final List<ScriptureTopic> ordered;
    private final Map<String, Verse> byReference;

    public VerseLibrary(String translation, String defaultTopic, List<ScriptureTopic> topics) {
        this.translation = translation;
        this.defaultTopic = defaultTopic;
        Map<String, ScriptureTopic> byName = new LinkedHashMap<>();
        for (ScriptureTopic topic : topics) {
            if (byName.putIfAbsent(topic.name(), topic) != null) {
                throw new IllegalArgumentException("topic '" + topic.name() + "' is listed twice");
            }
        }
        if (!byName.containsKey(defaultTopic)) {
            throw new IllegalArgumentException("the default topic '" + defaultTopic + "' is not in the library");
        }
        this.topics = Map.copyOf(byName);
        this.ordered = List.copyOf(byName.values());
        Map<String, Verse> verses = new LinkedHashMap<>();
        for (ScriptureTopic topic : this.ordered) {
            topic.verses().forEach(verse -> verses.putIfAbsent(verse.reference(), verse));
        }
        this.byReference = Map.copyOf(verses);
    }

    /** Reads the library shipped with the service. */
    public static VerseLibrary loadDefault() {
        return load(new ClassPathResource(DEFAULT_RESOURCE));
    }

    public static VerseLibrary load(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            LibraryFile file = JsonMapper.builder().build().readValue(in, LibraryFile.class);
            return new VerseLibrary(file.translation(), file.defaultTopic(), file.topics());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read the verse library " + resource, ex);
        }
    }

    /** All topics, in priority order (earlier topics win ties). */
    public List<ScriptureTopic> topics() {
        return this.ordered;
    }

    public Optional<ScriptureTopic> topic(String name) {
        return Optional.ofNullable(this.topics.get(name));
    }

    public ScriptureTopic defaultTopic() {
        return this.topics.get(this.defaultTopic);
    }

    public List<Verse> versesFor(String topicName) {
        return topic(topicName).map(ScriptureTopic::verses).orElse(List.of());
    }

    /** A verse of the library by its reference (e.g. {@code John 14:27}). */
    public Optional<Verse> verse(String reference) {
        return Optional.ofNullable(this.byReference.get(reference));
    }

    public String translation() {
        return this.translation;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LibraryFile(String translation, String defaultTopic, List<ScriptureTopic> topics) {
    }
}
