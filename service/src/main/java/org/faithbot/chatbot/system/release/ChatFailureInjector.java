package org.faithbot.chatbot.system.release;

import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Fails the given share of chat requests ({@code chatbot.release.fault.chat-failure-ratio}) with
 * {@link InjectedReleaseFault} (answered 500), counting them in {@code release.fault.injected}.
 */
@Component
public class ChatFailureInjector {

    private final double ratio;

    private final Counter injected;

    ChatFailureInjector(ReleaseProperties release, MeterRegistry registry) {
        this.ratio = release.fault().chatFailureRatio();
        this.injected = Counter.builder("release.fault.injected")
            .description("Chat requests failed on purpose by the release fault switch")
            .register(registry);
    }

    public void maybeFail() {
        if (this.ratio > 0 && (this.ratio >= 1.0 || ThreadLocalRandom.current().nextDouble() < this.ratio)) {
            this.injected.increment();
            throw new InjectedReleaseFault();
        }
    }
}
