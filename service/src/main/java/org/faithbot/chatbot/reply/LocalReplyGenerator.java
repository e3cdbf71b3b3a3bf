package org.faithbot.chatbot.reply;

/**
 * Writes replies in process, without a model: the curated encouragement and verse of the message's
 * topic ({@link GroundingSelector}); the same message always gets the same reply.
 */
public class LocalReplyGenerator implements ReplyGenerator {

    private final GroundingSelector grounding;

    public LocalReplyGenerator(GroundingSelector grounding) {
        this.grounding = grounding;
    }

    @Override
    public Reply generate(ReplyRequest request) {
        Grounding chosen = this.grounding.select(request.message());
        return new Reply(chosen.encouragement(), chosen.topic().name(), chosen.verse(), Reply.LOCAL);
    }
}
