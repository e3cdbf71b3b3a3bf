package org.faithbot.chatbot.system.release.fault;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.faithbot.chatbot.system.release.ReleaseProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chat failure switch: its share of failures, and no bean at all unless the ratio is above 0. */
class ChatFailureInjectorTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
        .withUserConfiguration(Faults.class);

    @Test
    void failsAboutTheGivenShareOfChatsAndCountsThem() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ChatFailureInjector injector = new ChatFailureInjector(release(0.3, false), registry);
        int failed = 0;
        for (int i = 0; i < 20_000; i++) {
            try {
                injector.maybeFail();
            }
            catch (InjectedReleaseFault expected) {
                failed++;
            }
        }
        assertThat(failed / 20_000.0).isBetween(0.28, 0.32);
        assertThat(registry.get("release.fault.injected").counter().count()).isEqualTo(failed);
    }

    @Test
    void aRatioOfOneFailsEveryChat() {
        ChatFailureInjector injector = new ChatFailureInjector(release(1.0, false), new SimpleMeterRegistry());
        for (int i = 0; i < 100; i++) {
            assertThatThrownBy(injector::maybeFail).isInstanceOf(InjectedReleaseFault.class);
        }
    }

    @Test
    void noFaultBeanExistsUnlessASwitchIsOn() {
        this.contexts.run(context -> assertThat(context).doesNotHaveBean(ChatFailureInjector.class)
            .doesNotHaveBean(InjectedReleaseFaultProblem.class)
            .doesNotHaveBean(ReadinessDownHealthIndicator.class));
        this.contexts.withPropertyValues("chatbot.release.fault.chat-failure-ratio=0.0", "chatbot.release.fault.readiness-down=false")
            .run(context -> assertThat(context).doesNotHaveBean(ChatFailureInjector.class)
                .doesNotHaveBean(InjectedReleaseFaultProblem.class)
                .doesNotHaveBean(ReadinessDownHealthIndicator.class));
    }

    @Test
    void eachSwitchBringsItsOwnBeans() {
        this.contexts.withPropertyValues("chatbot.release.fault.chat-failure-ratio=0.3")
            .run(context -> assertThat(context).hasSingleBean(ChatFailureInjector.class)
                .hasSingleBean(InjectedReleaseFaultProblem.class)
                .doesNotHaveBean(ReadinessDownHealthIndicator.class));
        this.contexts.withPropertyValues("chatbot.release.fault.readiness-down=true")
            .run(context -> assertThat(context).doesNotHaveBean(ChatFailureInjector.class)
                .hasSingleBean(ReadinessDownHealthIndicator.class));
    }

    private static ReleaseProperties release(double ratio, boolean readinessDown) {
        return new ReleaseProperties("test", new ReleaseProperties.Fault(ratio, readinessDown));
    }

    @Configuration(proxyBeanMethods = false)
    @Import({ ChatFailureInjector.class, InjectedReleaseFaultProblem.class, ReadinessDownHealthIndicator.class })
    static class Faults {

        @Bean
        ReleaseProperties releaseProperties() {
            return release(0.3, false);
        }

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
