package org.faithbot.chatbot.reply;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.faithbot.chatbot.scripture.TopicClassifier;
import org.faithbot.chatbot.scripture.VerseLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** Timeout, circuit breaker and fallback around the Bedrock adapter, against a misbehaving Converse stub. */
class ResilientReplyGeneratorTest {

    @RegisterExtension
    static WireMockExtension bedrock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final VerseLibrary library = VerseLibrary.loadDefault();

    private final GroundingSelector grounding = new GroundingSelector(new TopicClassifier(this.library));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private final BedrockRuntimeClient client = BedrockStub.client(bedrock.baseUrl(), Duration.ofSeconds(3));

    private final CircuitBreaker circuitBreaker = CircuitBreaker.of("bedrock", CircuitBreakerConfig.custom()
        .slidingWindowSize(4)
        .minimumNumberOfCalls(4)
        .failureRateThreshold(50)
        .waitDurationInOpenState(Duration.ofMinutes(1))
        .build());

    private final ResilientReplyGenerator generator = new ResilientReplyGenerator(
            new BedrockReplyGenerator(this.client, this.grounding, this.library, BedrockStub.settings(null)),
            new LocalReplyGenerator(this.grounding), this.circuitBreaker,
            TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofMillis(300)).build()), this.executor,
            this.registry);

    @AfterEach
    void close() {
        this.client.close();
        this.executor.close();
    }

    @Test
    void theModelsReplyWhenItAnswersInTime() {
        bedrock.stubFor(post(urlPathMatching(BedrockStub.CONVERSE_PATH)).willReturn(BedrockStub.answer("You are loved.")));
        Reply reply = this.generator.generate(request("I feel so lonely"));
        assertThat(reply.source()).isEqualTo(Reply.BEDROCK);
        assertThat(reply.text()).isEqualTo("You are loved.");
        assertThat(this.registry.get("reply.generation").tag("outcome", "success").timer().count()).isEqualTo(1);
    }

    @Test
    void aSlowModelIsCutOffAtTheTimeoutAndTheLocalGeneratorAnswers() {
        bedrock.stubFor(post(urlPathMatching(BedrockStub.CONVERSE_PATH))
            .willReturn(BedrockStub.answer("Too late.").withFixedDelay(2000)));
        long started = System.nanoTime();
        Reply reply = this.generator.generate(request("I feel so lonely"));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(reply.source()).isEqualTo(Reply.FALLBACK);
        assertThat(reply.topic()).isEqualTo("loneliness");
        assertThat(this.library.topic("loneliness").orElseThrow().encouragements()).contains(reply.text());
        assertThat(tookMillis).isLessThan(1500);
        assertThat(this.registry.get("reply.fallback").tag("reason", "timeout").counter().count()).isEqualTo(1);
    }

    @Test
    void aFailingModelOpensTheCircuitAndIsThenNotCalledAtAll() {
        bedrock.stubFor(post(urlPathMatching(BedrockStub.CONVERSE_PATH))
            .willReturn(BedrockStub.error(500, "InternalServerException", "boom")));
        for (int i = 0; i < 4; i++) {
            assertThat(this.generator.generate(request("hope " + i)).source()).isEqualTo(Reply.FALLBACK);
        }
        assertThat(this.circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int calledBefore = bedrock.findAll(postRequestedFor(urlPathMatching(BedrockStub.CONVERSE_PATH))).size();

        for (int i = 0; i < 5; i++) {
            assertThat(this.generator.generate(request("more hope " + i)).source()).isEqualTo(Reply.FALLBACK);
        }
        assertThat(bedrock.findAll(postRequestedFor(urlPathMatching(BedrockStub.CONVERSE_PATH)))).hasSize(calledBefore);
        assertThat(this.registry.get("reply.fallback").tag("reason", "error").counter().count()).isEqualTo(4);
        assertThat(this.registry.get("reply.fallback").tag("reason", "circuit_open").counter().count()).isEqualTo(5);
    }

    @Test
    void throttlingAndRefusedAnswersFallBackToo() {
        bedrock.stubFor(post(urlPathMatching(BedrockStub.CONVERSE_PATH))
            .willReturn(BedrockStub.error(429, "ThrottlingException", "slow down")));
        assertThat(this.generator.generate(request("thank you")).source()).isEqualTo(Reply.FALLBACK);
        bedrock.stubFor(post(urlPathMatching(BedrockStub.CONVERSE_PATH))
            .willReturn(BedrockStub.answer("", "content_filtered")));
        assertThat(this.generator.generate(request("thank you")).source()).isEqualTo(Reply.FALLBACK);
        assertThat(this.registry.get("reply.fallback").tag("reason", "refused").counter().count()).isEqualTo(1);
    }

    private static ReplyGenerator.ReplyRequest request(String message) {
        return new ReplyGenerator.ReplyRequest("user-1", "conversation-1", message);
    }
}
