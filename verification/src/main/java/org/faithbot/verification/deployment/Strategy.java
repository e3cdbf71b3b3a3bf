package org.faithbot.verification.deployment;

/** How a deployment moves traffic from the running release to the new one. */
public enum Strategy {
    /**
     * A full green fleet beside blue, gated on readiness and smoke journeys before it takes any
     * traffic; all traffic switched at once; blue kept warm until the post-switch check passes, then retired.
     */
    BLUE_GREEN("blue-green"),
    /** The new fleet takes a growing share of the traffic (10 %, 50 %, 100 %), each step gated on live metrics. */
    CANARY("canary"),
    /** One instance at a time: a new instance joins, is judged on live metrics, then an old one leaves; capacity never drops. */
    ROLLING("rolling");

    private final String label;

    Strategy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
