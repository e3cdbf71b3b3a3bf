package org.faithbot.verification.load;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a simulation is told by the harness that starts it: system properties {@code load.*} on the
 * Gatling JVM's command line, and the token signing key in the environment (never on a command line).
 */
public record LoadSettings(
        String baseUrl,
        String jwtSecretBase64,
        String jwtIssuer,
        int users,
        Duration ramp,
        Duration hold,
        double rate,
        List<Double> levels,
        Duration level,
        Set<Feature> features,
        double sloP95Millis,
        double sloErrorPercent,
        boolean stopWhenBroken,
        String telemetryFile,
        int members,
        Duration dayLength,
        String pageUrl) {

    public static final String SECRET_ENVIRONMENT = "LOAD_JWT_SECRET";

    /** Read in the Gatling JVM. */
    public static LoadSettings fromSystem() {
        String secret = System.getenv(SECRET_ENVIRONMENT);
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("the token signing key is missing: " + SECRET_ENVIRONMENT + " is not set");
        }
        return new LoadSettings(
                required("load.base-url"),
                secret,
                System.getProperty("load.jwt-issuer", "faithbot-local-harness"),
                Integer.getInteger("load.users", 10),
                Duration.ofSeconds(Long.getLong("load.ramp-seconds", 5)),
                Duration.ofSeconds(Long.getLong("load.hold-seconds", 10)),
                Double.parseDouble(System.getProperty("load.rate", "10")),
                Arrays.stream(System.getProperty("load.levels", "50,100").split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).map(Double::parseDouble).toList(),
                Duration.ofSeconds(Long.getLong("load.level-seconds", 10)),
                Feature.parse(System.getProperty("load.features", "")),
                Double.parseDouble(System.getProperty("load.slo.p95-ms", "3000")),
                Double.parseDouble(System.getProperty("load.slo.error-percent", "0.1")),
                Boolean.parseBoolean(System.getProperty("load.stop-when-broken", "true")),
                System.getProperty("load.telemetry-file", ""),
                Integer.getInteger("load.members", 10_000),
                Duration.ofSeconds(Long.getLong("load.day-seconds", 150)),
                System.getProperty("load.page-url", required("load.base-url")));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-D" + property + " is missing");
        }
        return value;
    }

    public boolean has(Feature feature) {
        return features.contains(feature);
    }

    /**
     * Parts of the service that not every build has yet; the harness probes the target for each and
     * tells the simulation which answered, so a journey is only run where its endpoints exist.
     */
    public enum Feature {
        /** POST/GET /api/v1/conversations, GET /api/v1/conversations/{id}/messages */
        CONVERSATIONS,
        /** POST /api/v1/prayers, GET /api/v1/prayers/mine, GET /api/v1/prayers/community */
        PRAYERS,
        /** GET /api/v1/verses/daily, GET /api/v1/verses?topic= (cached, with ETags) */
        VERSES,
        /** PUT /api/v1/me/privacy/sale-sharing-opt-out */
        PRIVACY,
        /** GET / : the web front (a static page with fingerprinted, compressed assets) */
        WEB;

        public static Set<Feature> parse(String list) {
            Set<Feature> features = EnumSet.noneOf(Feature.class);
            for (String name : list.split(",")) {
                if (!name.isBlank()) {
                    features.add(Feature.valueOf(name.trim().toUpperCase()));
                }
            }
            return features;
        }
    }
}
