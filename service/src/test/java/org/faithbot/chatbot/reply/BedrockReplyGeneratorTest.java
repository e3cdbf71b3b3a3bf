package org.faithbot.chatbot.reply;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import org.faithbot.chatbot.scripture.TopicClassifier;
import org.faithbot.chatbot.scripture.VerseLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Bedrock adapter's request and response against a stub of the Converse API. */
class BedrockReplyGeneratorTest {

    @RegisterExtension
    static WireMockExtension bedrock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final VerseLibrary library = VerseLibrary.loadDefault();

    private final GroundingSelector grounding = new GroundingSelector(new TopicClassifier(this.library));

    private BedrockRuntimeClient client;

    @AfterEach
    void closeClient() {
        if (this.client != null) {
            this.client.close();
        }
    }

    @Test
    void sendsOneGroundedConverseRequestAndRepliesWithTheModelsText() {
        bedrock.stubFor(post(urlPathMatching(BedrockStub.CONVERSE_PATH)).willReturn(BedrockStub
            .answer("It is natural to feel anxious before an exam. Philippians 4:6-7 invites you to bring it to God.")));

        Reply reply = generator(null).generate(request("I am so anxious about my exam tomorrow"));

        assertThat(reply.source()).isEqualTo(Reply.BEDROCK);
        assertThat(reply.text()).startsWith("It is natural to feel anxious");
        assertThat(reply.topic()).isEqualTo("anxiety");
        assertThat(this.library.versesFor("anxiety")).contains(reply.scripture());

        List<LoggedRequest> requests = bedrock.findAll(postRequestedFor(urlPathMatching(BedrockStub.CONVERSE_PATH)));
        assertThat(requests).hasSize(1);
        LoggedRequest sent = requests.getFirst();
        assertThat(sent.getUrl()).isEqualTo("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse");
        assertThat(sent.getHeader("Authorization")).startsWith("AWS4-HMAC-SHA256").contains("/bedrock/aws4_request");
        assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
        String body = sent.getBodyAsString();
        assertThat(JsonPath.<String>read(body, "$.messages[0].role")).isEqualTo("user");
        assertThat(JsonPath.<String>read(body, "$.messages[0].content[0].text"))
            .isEqualTo("I am so anxious about my exam tomorrow");
        String system = JsonPath.read(body, "$.system[0].text");
        assertThat(system).contains("Topic: anxiety")
            .contains(reply.scripture().reference())
            .contains(reply.scripture().text())
            .contains("do not quote or invent any other scripture");
        assertThat(JsonPath.<Integer>read(body, "$.inferenceConfig.maxTokens")).isEqualTo(300);
        assertThat(JsonPath.<Double>read(body, "$.inferenceConfig.temperature")).isCloseTo(0.4, org.assertj.core.data.Offset.offset(0.001));
        assertThat(body).doesNotContain("guardrailConfig");
    }

    @Test
    void appliesTheConfiguredGuardrail() {
        bedrock.stubFor(post(urlPathMatching(BedrockStub.CONVERSE_PATH)).willReturn(BedrockStub.answer("Be strong.")));
        generator("gr-faithbot").generate(request("I need strength today"));
        String body = bedrock.findAll(postRequestedFor(urlPathMatching(BedrockStub.CONVERSE_PATH))).getFirst().getBodyAsString();
        assertThat(JsonPath.<String>read(body, "$.guardrailConfig.guardrailIdentifier")).isEqualTo("gr-faithbot");
        assertThat(JsonPath.<String>read(body, "$.guardrailConfig.guardrailVersion")).isEqualTo("3");
    }

    @Test
    void refusesAnAnswerTheGuardrailFiltered() {
        bedrock.stubFor(post(urlPathMatching(BedrockStub.CONVERSE_PATH))
            .willReturn(BedrockStub.answer("Sorry, I cannot help with that.", "guardrail_intervened")));
        assertThatThrownBy(() -> generator(null).generate(request("hello"))).isInstanceOf(ModelReplyRefused.class)
            .hasMessageContaining("guardrail_intervened");
    }

    @Test
    void refusesAnEmptyOrOverlongAnswer() {
        bedrock.stubFor(post(urlPathMatching(BedrockStub.CONVERSE_PATH)).willReturn(BedrockStub.answer("   ")));
        assertThatThrownBy(() -> generator(null).generate(request("hello"))).isInstanceOf(ModelReplyRefused.class)
            .hasMessageContaining("empty");
        bedrock.stubFor(post(urlPathMatching(BedrockStub.CONVERSE_PATH)).willReturn(BedrockStub.answer("a".repeat(601))));
        assertThatThrownBy(() -> generator(null).generate(request("hello"))).isInstanceOf(ModelReplyRefused.class)
            .hasMessageContaining("longer than 600");
    }

    @Test
    void surfacesTheServicesErrors() {
        bedrock.stubFor(post(urlPathMatching(BedrockStub.CONVERSE_PATH))
            .willReturn(BedrockStub.error(429, "ThrottlingException", "Too many requests, please wait")));
        assertThatThrownBy(() -> generator(null).generate(request("hello"))).isInstanceOf(ThrottlingException.class);
    }

    @Test
    void neverSendsCrisisLanguageToTheModel() {
        Reply reply = generator(null).generate(request("I want to end my life"));
        assertThat(reply.source()).isEqualTo(Reply.SAFETY);
        assertThat(reply.topic()).isEqualTo("crisis");
        assertThat(reply.text()).contains("988");
        assertThat(bedrock.findAll(postRequestedFor(urlPathMatching(BedrockStub.CONVERSE_PATH)))).isEmpty();
    }

    private BedrockReplyGenerator generator(String guardrailId) {
        this.client = BedrockStub.client(bedrock.baseUrl(), Duration.ofSeconds(5));
        return new BedrockReplyGenerator(this.client, this.grounding, this.library, BedrockStub.settings(guardrailId));
    }

    private static ReplyGenerator.ReplyRequest request(String message) {
        return new ReplyGenerator.ReplyRequest("user-1", "conversation-1", message);
    }
}
