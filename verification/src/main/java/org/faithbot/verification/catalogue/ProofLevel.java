package org.faithbot.verification.catalogue;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/**
 * How far a proof reaches. A criterion declares the level at which its requirement demands proof; each piece of
 * evidence carries the level it was obtained at. Evidence satisfies a requirement at its own level or above:
 * static &lt; local &lt; staging &lt; production. Two levels stand apart: {@code emulator} (evidence against an
 * emulator or a stub of an AWS service, moto or WireMock) counts no higher than local and never as staging;
 * {@code sign-off} (a person's signature: legal approval, training, an audit) is satisfied only by a sign-off.
 */
public enum ProofLevel {
    /** The repository's files say it (Terraform, workflows, documents), checked without running anything. */
    STATIC("static", 0),
    /** The behaviour of the service, shown on any machine (the local target). */
    LOCAL("local", 1),
    /** Shown against an emulator or a stub of an AWS service (moto, WireMock): never more than local. */
    EMULATOR("emulator", 1),
    /** The AWS system itself: ECS, the load balancer, point-in-time recovery, CloudFront, FIS. */
    STAGING("staging", 2),
    /** Only operation over time shows it: uptime, MTBF, satisfaction. */
    PRODUCTION("production", 3),
    /** Only a person can give it: legal approval, training, audits, insurance. */
    SIGN_OFF("sign-off", -1);

    private final String word;
    private final int rank;

    ProofLevel(String word, int rank) {
        this.word = word;
        this.rank = rank;
    }

    /** The level as criteria.yaml, the reports and the evidence write it: static, local, emulator, ... sign-off. */
    @JsonValue
    public String word() {
        return word;
    }

    @Override
    public String toString() {
        return word;
    }

    public static ProofLevel of(String word) {
        String w = word == null ? "" : word.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.word.equals(w)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown proof level '" + word + "': use static, local, emulator, staging, production or sign-off"));
    }

    /** The level of what a run against this target measures: local, staging or production. */
    public static ProofLevel ofTarget(String target) {
        return switch (target == null ? "" : target) {
            case "staging" -> STAGING;
            case "production" -> PRODUCTION;
            default -> LOCAL;
        };
    }

    /** Whether evidence at this level proves a criterion that demands {@code required}. */
    public boolean satisfies(ProofLevel required) {
        if (required == SIGN_OFF || this == SIGN_OFF) {
            return this == required;
        }
        if (required == EMULATOR) {
            return this == EMULATOR || rank > EMULATOR.rank;
        }
        return rank >= required.rank;
    }

    /** Whether a criterion may demand this level (an emulator is never what a requirement asks for). */
    public boolean canBeRequired() {
        return this != EMULATOR;
    }

    /** Of two levels, the one that proves more (for a criterion's best evidence); sign-off above all. */
    public static ProofLevel higher(ProofLevel a, ProofLevel b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        int ra = a == SIGN_OFF ? Integer.MAX_VALUE : a.rank;
        int rb = b == SIGN_OFF ? Integer.MAX_VALUE : b.rank;
        if (ra != rb) {
            return ra > rb ? a : b;
        }
        return a == LOCAL ? a : b; // local and emulator rank alike: the real service outranks the emulator
    }
}
