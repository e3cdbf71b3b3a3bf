package org.faithbot.chatbot.scripture;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.faithbot.chatbot.system.web.CachedJson;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * The public, cacheable views of the verse library, rendered once per key and served from the
 * in-process caches {@code daily-verse} (by date) and {@code verses} (by topic).
 */
@Service
public class VerseCatalog {

    static final String ALL_TOPICS = "*";

    private final VerseLibrary library;

    private final JsonMapper json;

    VerseCatalog(VerseLibrary library, JsonMapper json) {
        this.library = library;
        this.json = json;
    }

    /** The verse of a day: the same for everyone that day, chosen in turn from every topic but crisis. */
    @Cacheable(cacheNames = "daily-verse", key = "#date.toString()")
    public CachedJson daily(LocalDate date) {
        Map.Entry<String, Verse> chosen = chosenFor(date);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", date.toString());
        body.put("topic", chosen.getKey());
        body.put("translation", this.library.translation());
        body.put("verse", chosen.getValue());
        return CachedJson.of(this.json, body);
    }

    /** The verse of a day, as the daily view serves it (the chat page renders it into its first document). */
    public Verse verseOf(LocalDate date) {
        return chosenFor(date).getValue();
    }

    private Map.Entry<String, Verse> chosenFor(LocalDate date) {
        List<Map.Entry<String, Verse>> verses = new ArrayList<>();
        for (ScriptureTopic topic : this.library.topics()) {
            if (!"crisis".equals(topic.name())) {
                topic.verses().forEach(verse -> verses.add(Map.entry(topic.name(), verse)));
            }
        }
        return verses.get((int) Math.floorMod(date.toEpochDay(), (long) verses.size()));
    }

    /** The verses of one topic, or of every topic for {@link #ALL_TOPICS}; empty for an unknown topic. */
    @Cacheable(cacheNames = "verses", key = "#topic", unless = "#result == null")
    public Optional<CachedJson> verses(String topic) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("translation", this.library.translation());
        if (ALL_TOPICS.equals(topic)) {
            body.put("topics", this.library.topics()
                .stream()
                .map(entry -> Map.of("topic", entry.name(), "verses", entry.verses()))
                .toList());
            return Optional.of(CachedJson.of(this.json, body));
        }
        return this.library.topic(topic).map(found -> {
            body.put("topic", found.name());
            body.put("verses", found.verses());
            return CachedJson.of(this.json, body);
        });
    }

    public List<String> topicNames() {
        return this.library.topics().stream().map(ScriptureTopic::name).toList();
    }
}
