package org.faithbot.chatbot.reply;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.faithbot.chatbot.scripture.TopicClassifier;
import org.faithbot.chatbot.scripture.VerseLibrary;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The reply generators: the local one always (it is also the fallback); with
 * {@code chatbot.reply.generator=bedrock} the Bedrock adapter behind the resilience decorator,
 * which then answers every chat.
 */
@Configuration(proxyBeanMethods = false)
class ReplyConfiguration {

    static final String RESILIENCE_INSTANCE = "bedrock";

    @Bean
    GroundingSelector groundingSelector(TopicClassifier topicClassifier) {
        return new GroundingSelector(topicClassifier);
    }

    @Bean
    LocalReplyGenerator localReplyGenerator(GroundingSelector groundingSelector) {
        return new LocalReplyGenerator(groundingSelector);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "chatbot.reply.generator", havingValue = "bedrock")
    static class BedrockReplies {

        @Bean(destroyMethod = "close")
        BedrockRuntimeClient bedrockRuntimeClient(ReplyProperties properties) {
            ReplyProperties.Bedrock bedrock = properties.bedrock();
            Duration callLimit = properties.timeout().plusSeconds(1);
            BedrockRuntimeClientBuilder builder = BedrockRuntimeClient.builder()
                .region(Region.of(bedrock.region()))
                .httpClientBuilder(ApacheHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(1))
                    .socketTimeout(callLimit)
                    .maxConnections(200))
                .overrideConfiguration(override -> override.apiCallTimeout(callLimit)
                    .retryStrategy(retry -> retry.maxAttempts(1)));
            if (bedrock.hasEndpoint()) {
                builder.endpointOverride(bedrock.endpoint())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
            }
            else {
                builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
            }
            return builder.build();
        }

        @Bean(destroyMethod = "close")
        ExecutorService modelCallExecutor() {
            return Executors.newVirtualThreadPerTaskExecutor();
        }

        @Bean
        @Primary
        ResilientReplyGenerator resilientReplyGenerator(BedrockRuntimeClient bedrockRuntimeClient,
                GroundingSelector groundingSelector, VerseLibrary verseLibrary, LocalReplyGenerator localReplyGenerator,
                ReplyProperties properties, CircuitBreakerRegistry circuitBreakers, TimeLimiterRegistry timeLimiters,
                ExecutorService modelCallExecutor, MeterRegistry meterRegistry) {
            BedrockReplyGenerator bedrock = new BedrockReplyGenerator(bedrockRuntimeClient, groundingSelector,
                    verseLibrary, properties.bedrock());
            TimeLimiterConfig timeLimit = TimeLimiterConfig.custom()
                .timeoutDuration(properties.timeout())
                .cancelRunningFuture(true)
                .build();
            return new ResilientReplyGenerator(bedrock, localReplyGenerator,
                    circuitBreakers.circuitBreaker(RESILIENCE_INSTANCE),
                    timeLimiters.timeLimiter(RESILIENCE_INSTANCE, timeLimit), modelCallExecutor, meterRegistry);
        }
    }
}
