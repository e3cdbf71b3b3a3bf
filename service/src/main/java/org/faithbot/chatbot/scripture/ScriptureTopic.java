package org.faithbot.chatbot.scripture;

import java.util.List;

/**
 * A topic of the verse library: the words that point to it, the encouragements and the verses
 * offered for it.
 */
public record ScriptureTopic(String name, int weight, List<String> keywords, List<String> encouragements,
        List<Verse> verses) {

    public ScriptureTopic {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a topic needs a name");
        }
        if (weight < 1) {
            weight = 1;
        }
        keywords = List.copyOf(keywords == null ? List.of() : keywords);
        encouragements = List.copyOf(encouragements == null ? List.of() : encouragements);
        verses = List.copyOf(verses == null ? List.of() : verses);
        if (encouragements.isEmpty() || verses.isEmpty()) {
            throw new IllegalArgumentException("topic '" + name + "' needs encouragements and verses");
        }
    }
}
