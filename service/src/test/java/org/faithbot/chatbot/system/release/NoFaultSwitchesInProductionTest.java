package org.faithbot.chatbot.system.release;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.List;

import org.faithbot.chatbot.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faithbot.chatbot.support.Requests.postJsonAs;
import static org.faithbot.chatbot.support.TestTokens.newUserId;
import static org.faithbot.chatbot.support.TestTokens.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A release started as production starts it (no fault switch, no profile): no fault-injection bean
 * exists (release fault switches, Chaos Monkey), nothing is wrapped by one, and the chat controller
 * depends on the chat service only.
 */
class NoFaultSwitchesInProductionTest extends ApiTest {

    static final String RELEASE_FAULTS = "org.faithbot.chatbot.system.release.fault.";

    static final String CHAOS_MONKEY = "de.codecentric.spring.boot.chaos.monkey.";

    @Autowired
    private ConfigurableApplicationContext context;

    @Test
    void noProfileIsActive() {
        assertThat(this.context.getEnvironment().getActiveProfiles()).isEmpty();
    }

    @Test
    void noBeanOfTheFaultSwitchesOrOfChaosMonkeyExists() {
        List<String> faultBeans = Arrays.stream(this.context.getBeanDefinitionNames())
            .filter(name -> {
                Class<?> type = this.context.getType(name);
                String className = (type != null) ? type.getName() : "";
                return className.startsWith(RELEASE_FAULTS) || className.startsWith(CHAOS_MONKEY)
                        || name.toLowerCase().contains("chaos") || name.equals("releaseHealthIndicator");
            })
            .toList();
        assertThat(faultBeans).isEmpty();
    }

    @Test
    void theChatControllerDependsOnTheChatServiceOnlyAndIsNotProxied() throws Exception {
        Class<?> controller = Class.forName("org.faithbot.chatbot.chat.ChatController");
        for (Constructor<?> constructor : controller.getDeclaredConstructors()) {
            assertThat(constructor.getParameterTypes()).extracting(Class::getName)
                .containsExactly("org.faithbot.chatbot.chat.ChatService");
        }
        assertThat(Arrays.stream(controller.getDeclaredFields()).map(field -> field.getType().getName()))
            .noneMatch(type -> type.startsWith("org.faithbot.chatbot.system.release"));
        assertThat(this.context.getBeanFactory().getDependenciesForBean("chatController")).containsExactly("chatService");
        assertThat(AopUtils.isAopProxy(this.context.getBean("chatController"))).isFalse();
    }

    @Test
    void chatsAreAnsweredAndReadinessIsUpWithoutAReleaseComponent() throws Exception {
        this.mvc.perform(postJsonAs(user(newUserId()), "/api/v1/chat", "{\"message\": \"hello\"}"))
            .andExpect(status().isOk());
        this.mvc.perform(get("/actuator/health/readiness").accept(MediaType.APPLICATION_JSON))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.components.release").doesNotExist())
            .andExpect(jsonPath("$.components.dynamoDb.status").value("UP"));
        this.mvc.perform(get("/actuator/info"))
            .andExpect(jsonPath("$.release.faults.chatFailureRatio").value(0.0))
            .andExpect(jsonPath("$.release.faults.readinessDown").value(false));
    }

    @Test
    void chaosMonkeysAutoConfigurationIsExcludedWithoutItsProfile() {
        assertThat(this.context.getEnvironment().getProperty("spring.autoconfigure.exclude"))
            .contains(CHAOS_MONKEY + "configuration.ChaosMonkeyConfiguration");
    }
}
