package org.faithbot.chatbot.scripture;

import java.util.List;

/**
 * Picks the topic of a message by keyword matching: a keyword matches a word that starts with it
 * (phrases match consecutive words); a topic scores its hits times its weight; the highest score
 * wins, ties go to the topic listed first, and a message with no hit gets the default topic.
 */
public class TopicClassifier {

    private final VerseLibrary library;
    private final List<NormalizedTopic> topics;

    public TopicClassifier(VerseLibrary library) {
        this.library = library;
        this.topics = library.topics().stream()
            .map(topic -> new NormalizedTopic(topic,
                    topic.keywords().stream().map(TextNormalizer::normalize).map(String::stripTrailing).distinct().toList()))
            .toList();
    }

    public ScriptureTopic classify(String message) {
        String text = TextNormalizer.normalize(message);
        ScriptureTopic best = this.library.defaultTopic();
        int bestScore = 0;
        for (NormalizedTopic candidate : this.topics) {
            int score = candidate.hits(text) * candidate.topic().weight();
            if (score > bestScore) {
                best = candidate.topic();
                bestScore = score;
            }
        }
        return best;
    }

    private record NormalizedTopic(ScriptureTopic topic, List<String> keywords) {

        int hits(String normalizedText) {
            int hits = 0;
            for (String keyword : this.keywords) {
                if (keyword.isBlank()) {
                    continue;
                }
                if (normalizedText.contains(keyword)) {
                    hits++;
                }
            }
            return hits;
        }
    }
}
