package org.faithbot.chatbot.reply;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How replies are written ({@code chatbot.reply.*}).
 *
 * @param generator {@code local} (deterministic, in process) or {@code bedrock} (Amazon Bedrock)
 * @param timeout time limit of one model call; past it the local generator answers instead
 * @param bedrock the Bedrock adapter's settings
 */
@ConfigurationProperties("chatbot.reply")
@Validated
public record ReplyProperties(@Pattern(regexp = "local|bedrock") @DefaultValue("local") String generator,
        @DefaultValue("2s") Duration timeout, @Valid @DefaultValue Bedrock bedrock) {

    /**
     * @param modelId the model or inference profile id for the Converse API
     * @param region the Bedrock region
     * @param endpoint endpoint override (a stub in tests); empty for AWS
     * @param maxTokens the most tokens a reply may use
     * @param temperature sampling temperature
     * @param maxReplyCharacters longer model text is refused (the fallback answers)
     * @param guardrailId optional Bedrock guardrail applied to every call
     * @param guardrailVersion the guardrail's version
     */
    public record Bedrock(@DefaultValue("amazon.nova-lite-v1:0") String modelId,
            @DefaultValue("us-east-1") String region, @Nullable URI endpoint,
            @Min(16) @Max(4096) @DefaultValue("400") int maxTokens,
            @DefaultValue("0.5") float temperature, @Min(100) @DefaultValue("1500") int maxReplyCharacters,
            @Nullable String guardrailId, @DefaultValue("DRAFT") String guardrailVersion) {

        public boolean hasEndpoint() {
            return this.endpoint != null && !this.endpoint.toString().isBlank();
        }

        public boolean hasGuardrail() {
            return this.guardrailId != null && !this.guardrailId.isBlank();
        }
    }
}
