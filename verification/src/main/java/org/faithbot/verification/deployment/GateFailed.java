package org.faithbot.verification.deployment;

/** A gate stopped the release: thrown by a deployment's step, caught by the run, which rolls back. */
final class GateFailed extends RuntimeException {

    private final GateVerdict verdict;

    GateFailed(GateVerdict verdict) {
        super(verdict.describe(), null, false, false);
        this.verdict = verdict;
    }

    GateVerdict verdict() {
        return verdict;
    }
}
