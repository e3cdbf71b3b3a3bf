package org.faithbot.chatbot.system.ratelimit;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-user rate limit of the API ({@code chatbot.rate-limit.*}), per instance: a token bucket per
 * user ({@code sub}) holding a minute's worth of requests, refilled continuously.
 *
 * @param enabled whether the limit applies
 * @param requestsPerMinute requests a user may make per minute (and in a burst); the default (600)
 * is far above what a person with think time sends, so load tests with 1000 such users are not
 * throttled
 */
@ConfigurationProperties("chatbot.rate-limit")
@Validated
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
        @Min(1) @DefaultValue("600") int requestsPerMinute) {
}
