package org.faithbot.chatbot.system.security;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names the Terraform's task definition gives the signing key's id and the pseudonym key
 * (terraform/modules/platform/main.tf) bind to the properties the service reads.
 */
class TaskEnvironmentNamesTest {

    @Test
    void theTaskDefinitionsVariablesBindToTheServiceProperties() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("task-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "CHATBOT_SECURITY_JWT_SECRETID", "arn:aws:secretsmanager:eu-central-1:123456789012:secret:chatbot-production/jwt-signing-key",
                "CHATBOT_PRIVACY_PSEUDONYMKEY", "cHNldWRvbnltLWtleQ==")));
        Binder binder = Binder.get(environment);
        assertThat(binder.bind("chatbot.security.jwt.secret-id", String.class).get()).endsWith("jwt-signing-key");
        assertThat(binder.bind("chatbot.privacy.pseudonym-key", String.class).get()).isEqualTo("cHNldWRvbnltLWtleQ==");
    }
}
