package org.faithbot.verification.target;

/**
 * What the harness's AWS emulators (dynalite, moto) are used with: one fixed region and dummy
 * credentials. Here, beside the other neutral types, so that both the local stack and the tools
 * that talk to an emulator (the recovery CLI's --endpoint) read the same values.
 */
public final class LocalAws {

    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";

    private LocalAws() {
    }
}
