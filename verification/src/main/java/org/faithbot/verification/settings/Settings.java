package org.faithbot.verification.settings;

/**
 * The harness's settings: each from a system property, else an environment variable, else a
 * default. Blank values count as unset.
 */
public final class Settings {

    /**
     * The one default region of the harness's AWS calls, when neither {@code <env>.region} nor {@code AWS_REGION}
     * says otherwise: terraform/environments/staging and production (terraform.tfvars aws_region) deploy there.
     * The AWS emulators (dynalite, moto) use their own fixed region, target.LocalAws.
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
        return region("staging");
    }

    /** An environment's region: {@code <environment>.region}, else {@code AWS_REGION}, else {@value #DEFAULT_REGION}. */
    public static String region(String environment) {
        return setting(environment + ".region", "AWS_REGION", DEFAULT_REGION);
    }
}
