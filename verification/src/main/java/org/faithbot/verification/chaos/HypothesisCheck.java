package org.faithbot.verification.chaos;

/**
 * One part of an experiment's hypothesis, judged: what was expected, what was measured, whether it held.
 *
 * @param name     the part of the hypothesis, in words ("recovered within 30 s")
 * @param measured what was measured, in words ("MTTR 4.2 s")
 */
public record HypothesisCheck(String name, String measured, boolean held) {

    public String describe() {
        return (held ? "held: " : "BROKEN: ") + name + " (" + measured + ")";
    }
}
