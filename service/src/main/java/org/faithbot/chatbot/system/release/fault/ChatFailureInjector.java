package org.faithbot.chatbot.system.release.fault;

import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.annotation.Before;
import org.faithbot.chatbot.system.release.ReleaseProperties;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Component;

/**
 * Fails the given share of chat requests ({@code chatbot.release.fault.chat-failure-ratio} above 0)
 * with {@link InjectedReleaseFault} (answered 500 by {@link InjectedReleaseFaultProblem}), counting
 * them in {@code release.fault.injected}. An aspect before {@code ChatController.chat}: the request
 * has passed the filters (authentication, rate limit, concurrency limit) and its body has been read
 * and validated, so only the chat requests the controller would answer count, and bad input still
 * gets its 4xx. Exists only when the switch is on.
 */
@Aspect
@Component
@Conditional(ChatFailureInjector.RatioAboveZero.class)
class ChatFailureInjector {

    static final String RATIO = "chatbot.release.fault.chat-failure-ratio";

    private final double ratio;

    private final Counter injected;

    ChatFailureInjector(ReleaseProperties release, MeterRegistry registry) {
        this.ratio = release.fault().chatFailureRatio();
        this.injected = Counter.builder("release.fault.injected")
            .description("Chat requests failed on purpose by the release fault switch")
            .register(registry);
    }

    @Before("execution(* org.faithbot.chatbot.chat.ChatController.chat(..))")
    void maybeFail() {
        if (this.ratio > 0 && (this.ratio >= 1.0 || ThreadLocalRandom.current().nextDouble() < this.ratio)) {
            this.injected.increment();
            throw new InjectedReleaseFault();
        }
    }

    /** Matches when the chat failure ratio is set above 0 (bound like {@link ReleaseProperties}, so relaxed names count). */
    static class RatioAboveZero extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            double ratio = Binder.get(context.getEnvironment()).bind(RATIO, Double.class).orElse(0.0);
            return (ratio > 0) ? ConditionOutcome.match(RATIO + " is " + ratio)
                    : ConditionOutcome.noMatch(RATIO + " is not above 0");
        }
    }
}
