package org.faithbot.verification.merge;

import org.faithbot.verification.catalogue.Criterion;
import org.faithbot.verification.catalogue.Freshness;
import org.faithbot.verification.catalogue.ProofLevel;
import org.faithbot.verification.report.Judgement;

import java.time.Instant;

/**
 * What one run brings to one criterion, and whether it still counts: a record counts within its freshness window
 * (criteria.yaml), from the run's end; a static check counts only on the release's commit.
 *
 * @param level  the level what it showed stands at (its best passed evidence, else its target's)
 * @param window its freshness window at that level
 */
record Contribution(RunFolder run, RunFolder.CriterionRun ran, ProofLevel level, Freshness.Window window) {

    static Contribution of(RunFolder run, RunFolder.CriterionRun ran, Criterion criterion, Freshness freshness) {
        ProofLevel shown = Judgement.shownAt(run.target(), ran.scenarios(), ran.evidence());
        ProofLevel level = shown == null ? lowestOf(run, ran) : shown;
        return new Contribution(run, ran, level, freshness.windowFor(criterion, level));
    }

    /** With nothing passed, the level it would have shown: static when all it ran is static, else the target's. */
    private static ProofLevel lowestOf(RunFolder run, RunFolder.CriterionRun ran) {
        boolean allStatic = ran.scenarios().stream().allMatch(o -> o.level(run.target()) == ProofLevel.STATIC)
                && ran.evidence().stream().allMatch(e -> e.level() == ProofLevel.STATIC);
        return allStatic ? ProofLevel.STATIC : run.level();
    }

    boolean freshAt(Instant at, String releaseCommit) {
        if (window.sameCommit()) {
            return run.commit().equals(releaseCommit);
        }
        return !at.isAfter(window.expiresAfter(run.generatedAt()));
    }

    /** Why it no longer counts, in words. */
    String expiry(String releaseCommit) {
        if (window.sameCommit()) {
            return "the " + level + " evidence of the " + run.describe() + " was checked on commit " + RunFolder.abbreviated(run.commit())
                    + ", not on the release's commit " + RunFolder.abbreviated(releaseCommit);
        }
        return "the " + level + " evidence of the " + run.describe() + " expired on " + window.expiresAfter(run.generatedAt())
                + " (window " + window + ")";
    }
}
