package org.faithbot.verification.settings;

/**
 * The harness's settings: each from a system property, else an environment variable, else a
 * default. Blank values count as unset.
 */
public final class Settings {

    /**
     * The staging environment's region when neither {@code staging.region} nor {@code AWS_REGION}
     * says otherwise: terraform/environments/staging/terraform.tfvars deploys staging there.
     */
    public static final String DEFAULT_REGION = "eu-central-1";

    private Settings() {
    }

    /** The system property, else the environment variable, else {@code fallback} (may be null). */
    public static String setting(String property, String environment, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The staging environment's region: {@code staging.region}, else {@code AWS_REGION}, else {@value #DEFAULT_REGION}. */
    public static String stagingRegion() {
        return setting("staging.region", "AWS_REGION", DEFAULT_REGION);
    }
}
