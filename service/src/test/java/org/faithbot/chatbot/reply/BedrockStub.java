package org.faithbot.chatbot.reply;

import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

/** Answers of a stub of the Bedrock Converse API ({@code POST /model/{modelId}/converse}) and a client for it. */
final class BedrockStub {

    static final String CONVERSE_PATH = "/model/[^/]+/converse";

    private BedrockStub() {
    }

    static ResponseDefinitionBuilder answer(String text) {
        return answer(text, "end_turn");
    }

    static ResponseDefinitionBuilder answer(String text, String stopReason) {
        return okJson("""
                {"output":{"message":{"role":"assistant","content":[{"text":%s}]}},
                 "stopReason":"%s",
                 "usage":{"inputTokens":212,"outputTokens":58,"totalTokens":270},
                 "metrics":{"latencyMs":420}}
                """.formatted(quoted(text), stopReason));
    }

    static ResponseDefinitionBuilder error(int status, String errorType, String message) {
        return aResponse().withStatus(status)
            .withHeader("Content-Type", "application/json")
            .withHeader("x-amzn-ErrorType", errorType + ":http://internal.amazon.com/coral/com.amazon.bedrock/")
            .withBody("{\"message\":" + quoted(message) + "}");
    }

    static BedrockRuntimeClient client(String baseUrl, Duration callLimit) {
        return BedrockRuntimeClient.builder()
            .endpointOverride(URI.create(baseUrl))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClientBuilder(ApacheHttpClient.builder().socketTimeout(callLimit))
            .overrideConfiguration(override -> override.apiCallTimeout(callLimit).retryStrategy(retry -> retry.maxAttempts(1)))
            .build();
    }

    static ReplyProperties.Bedrock settings(String guardrailId) {
        return new ReplyProperties.Bedrock("anthropic.claude-3-haiku-20240307-v1:0", "us-east-1", null, 300, 0.4f, 600,
                guardrailId, "3");
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
