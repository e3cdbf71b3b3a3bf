package org.faithbot.chatbot.reply;

/**
 * The system prompt that grounds a model's reply in the curated library: the topic, the one verse
 * the reply must rest on (the model never picks or quotes another) and the tone.
 */
final class GroundingPrompt {

    private GroundingPrompt() {
    }

    static String system(Grounding grounding, String translation) {
        return """
                You are Faithbot, a warm, faith-based encourager. Reply to the user's message in 2 to 4 \
                short sentences of plain text: acknowledge how they feel, then offer encouragement that \
                rests on the one scripture passage given below. Refer to it by its reference; do not quote \
                or invent any other scripture. Do not give medical, legal or financial advice. If the user \
                mentions harming themselves or others, or being abused, urge them to contact emergency \
                services or a crisis line now.
                Topic: %s
                Scripture (%s): %s — "%s"
                Example of the tone: %s
                """.formatted(grounding.topic().name(), translation, grounding.verse().reference(),
                grounding.verse().text(), grounding.encouragement());
    }
}
