package org.faithbot.verification.deployment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release of the service as a deployment carries it: a label (shown in every response's
 * {@code X-App-Version} as {@code <build version>+<label>} and in {@code /actuator/info}) and the
 * configuration that differs from the running release. A bad release is the same build with one of
 * the service's release fault switches on: it fails a share of chat requests (answered 500), or its
 * readiness never comes up.
 *
 * @param description the release in words, for the evidence ("fails 30 % of chat requests")
 */
public record Release(String label, Map<String, String> properties, String description) {

    public static final String LABEL = "chatbot.release.label";
    public static final String CHAT_FAILURE_RATIO = "chatbot.release.fault.chat-failure-ratio";
    public static final String READINESS_DOWN = "chatbot.release.fault.readiness-down";
    private static final Pattern FAILING = Pattern.compile("fails (\\d+) % of chat requests");

    public Release {
        if (label == null || label.isBlank() || !label.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a release label is letters, digits, '.', '_' and '-': " + label);
        }
        properties = Map.copyOf(properties);
    }

    /** A good release: only its label differs. */
    public static Release good(String label) {
        return new Release(label, Map.of(), "a good release");
    }

    /** A bad release that answers {@code ratio} of the chat requests with 500. */
    public static Release failingChats(String label, double ratio) {
        return new Release(label, Map.of(CHAT_FAILURE_RATIO, Double.toString(ratio)),
                String.format(Locale.ROOT, "a bad release failing %.0f %% of chat requests", ratio * 100));
    }

    /** A bad release whose readiness probe never reports UP. */
    public static Release readinessDown(String label) {
        return new Release(label, Map.of(READINESS_DOWN, "true"), "a bad release whose readiness never comes up");
    }

    /**
     * A release as the features name it: its label and its fault in words, {@code none},
     * {@code fails 30 % of chat requests} or {@code readiness never comes up}.
     *
     * @throws IllegalArgumentException for any other fault
     */
    public static Release parse(String label, String fault) {
        Matcher failing = FAILING.matcher(fault);
        if (failing.matches()) {
            return failingChats(label, Integer.parseInt(failing.group(1)) / 100.0);
        }
        return switch (fault) {
            case "none" -> good(label);
            case "readiness never comes up" -> readinessDown(label);
            default -> throw new IllegalArgumentException("unknown fault '" + fault + "'");
        };
    }

    /** Whether it is a bad release: built with a fault switched on (failing chats, readiness never up). */
    public boolean faulty() {
        return !properties.isEmpty();
    }

    /** Whether it is built to fail a share of its chat requests (its deliberate 500 answers to chat are expected). */
    public boolean failsChats() {
        return properties.containsKey(CHAT_FAILURE_RATIO);
    }

    /** The Spring properties an instance of this release is started with (command-line arguments locally). */
    public Map<String, String> serviceProperties() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(LABEL, label);
        all.putAll(properties);
        return all;
    }

    /**
     * The same configuration as environment variables of an ECS task definition, by Spring's relaxed
     * binding ({@code chatbot.release.fault.chat-failure-ratio} is {@code CHATBOT_RELEASE_FAULT_CHATFAILURERATIO}).
     */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        serviceProperties().forEach((key, value) -> environment.put(environmentName(key), value));
        return environment;
    }

    static String environmentName(String property) {
        return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** Whether a response's {@code X-App-Version} names this release. */
    public boolean servedIn(String versionHeader) {
        return versionHeader != null && versionHeader.endsWith("+" + label);
    }

    @Override
    public String toString() {
        return label + " (" + description + ")";
    }
}
