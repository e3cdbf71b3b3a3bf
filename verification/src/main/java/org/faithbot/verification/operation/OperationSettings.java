package org.faithbot.verification.operation;

import org.faithbot.verification.settings.Settings;

import java.time.Duration;
import java.util.Locale;

/**
 * Where an environment's operation is read, each from a system property {@code <env>.<name>} or the variable
 * {@code <ENV>_<NAME>}, defaulting to the names terraform/ gives them for {@code chatbot-<env>}:
 * <ul>
 *   <li>{@code operation-window} (P35D: a month and more, within the 63 days CloudWatch keeps 5-minute periods)</li>
 *   <li>{@code alb-name} (chatbot-&lt;env&gt;) or {@code alb-dimension} (app/NAME/ID, found by name when empty)</li>
 *   <li>{@code codedeploy-app} (chatbot-&lt;env&gt;-app), {@code codedeploy-group} (chatbot-&lt;env&gt;-dg)</li>
 *   <li>{@code backup-vault} (chatbot-&lt;env&gt;-vault)</li>
 *   <li>{@code cloudfront-distribution} (the distribution's id; the only one with metrics when empty)</li>
 * </ul>
 */
public record OperationSettings(String environment, String region, Duration window, Duration period, String albName, String albDimension,
                                String codeDeployApplication, String codeDeployGroup, String backupVault, String cloudfrontDistribution) {

    public static OperationSettings of(String environment) {
        String name = "chatbot-" + environment;
        return new OperationSettings(environment, Settings.region(environment),
                Duration.parse(setting(environment, "operation-window", "P35D")), Duration.ofMinutes(5),
                setting(environment, "alb-name", name), setting(environment, "alb-dimension", ""),
                setting(environment, "codedeploy-app", name + "-app"), setting(environment, "codedeploy-group", name + "-dg"),
                setting(environment, "backup-vault", name + "-vault"), setting(environment, "cloudfront-distribution", ""));
    }

    private static String setting(String environment, String key, String fallback) {
        return Settings.setting(environment + "." + key, (environment + "_" + key).toUpperCase(Locale.ROOT).replace('-', '_'), fallback);
    }
}
