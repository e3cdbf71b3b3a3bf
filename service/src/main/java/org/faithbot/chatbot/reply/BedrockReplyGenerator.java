package org.faithbot.chatbot.reply;

import org.faithbot.chatbot.scripture.VerseLibrary;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * The Amazon Bedrock adapter: one Converse API call ({@code POST /model/{modelId}/converse}) whose
 * system prompt grounds the reply in the topic and verse {@link GroundingSelector} chose from the
 * curated library; the model writes only the encouragement. Crisis messages never go to the model
 * (the curated crisis reply answers). An unusable answer (filtered, empty, too long) raises
 * {@link ModelReplyRefused}; call it through {@link ResilientReplyGenerator}.
 */
public class BedrockReplyGenerator implements ReplyGenerator {

    static final String CRISIS_TOPIC = "crisis";

    private final BedrockRuntimeClient bedrock;

    private final GroundingSelector grounding;

    private final VerseLibrary library;

    private final ReplyProperties.Bedrock settings;

    public BedrockReplyGenerator(BedrockRuntimeClient bedrock, GroundingSelector grounding, VerseLibrary library,
            ReplyProperties.Bedrock settings) {
        this.bedrock = bedrock;
        this.grounding = grounding;
        this.library = library;
        this.settings = settings;
    }

    @Override
    public Reply generate(ReplyRequest request) {
        Grounding chosen = this.grounding.select(request.message());
        if (CRISIS_TOPIC.equals(chosen.topic().name())) {
            return new Reply(chosen.encouragement(), chosen.topic().name(), chosen.verse(), Reply.SAFETY);
        }
        ConverseResponse response = this.bedrock.converse(converseRequest(chosen, request.message()));
        return new Reply(replyText(response), chosen.topic().name(), chosen.verse(), Reply.BEDROCK);
    }

    ConverseRequest converseRequest(Grounding chosen, String message) {
        ConverseRequest.Builder request = ConverseRequest.builder()
            .modelId(this.settings.modelId())
            .system(SystemContentBlock.fromText(GroundingPrompt.system(chosen, this.library.translation())))
            .messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(message)).build())
            .inferenceConfig(InferenceConfiguration.builder()
                .maxTokens(this.settings.maxTokens())
                .temperature(this.settings.temperature())
                .build());
        if (this.settings.hasGuardrail()) {
            request.guardrailConfig(GuardrailConfiguration.builder()
                .guardrailIdentifier(this.settings.guardrailId())
                .guardrailVersion(this.settings.guardrailVersion())
                .build());
        }
        return request.build();
    }

    private String replyText(ConverseResponse response) {
        if (response.stopReason() == StopReason.GUARDRAIL_INTERVENED
                || response.stopReason() == StopReason.CONTENT_FILTERED) {
            throw new ModelReplyRefused("the model's answer was filtered (" + response.stopReasonAsString() + ")");
        }
        if (response.output() == null || response.output().message() == null) {
            throw new ModelReplyRefused("the model gave no message");
        }
        StringBuilder text = new StringBuilder();
        for (ContentBlock block : response.output().message().content()) {
            if (block.text() != null) {
                text.append(block.text());
            }
        }
        String reply = text.toString().strip();
        if (reply.isEmpty()) {
            throw new ModelReplyRefused("the model's answer was empty");
        }
        if (reply.length() > this.settings.maxReplyCharacters()) {
            throw new ModelReplyRefused("the model's answer was longer than " + this.settings.maxReplyCharacters()
                    + " characters");
        }
        return reply;
    }
}
