package org.faithbot.verification.deployment;

import org.faithbot.verification.evidence.Figure;

import java.util.List;

/**
 * A figure of a deployment drill with the key it is recorded under. Which criteria a key serves is said by the
 * {@code figures:} section of criteria.yaml (the "deployment drills" block), never by the drills' code.
 */
public record DrillFigure(String key, Figure figure) {

    /** Deployments of a good release that completed (local). */
    public static final String SUCCESS_RATE = "deployment.success-rate";
    /** A strategy's deployment of a good release completed (local). */
    public static final String COMPLETED = "deployment.completed";
    /** Failed requests during a deployment, by the balancer's and by the probe's count (local). */
    public static final String FAILED_REQUESTS = "deployment.failed-requests";
    /** Failed requests by Gatling's count over a drill's whole load (local). */
    public static final String LOAD_FAILED_REQUESTS = "deployment.load-failed-requests";
    /** Deployment time of a standard update (local and staging). */
    public static final String TIME = "deployment.time";
    /** The fewest servers in rotation, and up by the health checks, during a deployment (local). */
    public static final String CAPACITY = "deployment.capacity";
    /** The post-deployment checks passed (local). */
    public static final String VALIDATION = "deployment.validation";
    /** The probe's p95 after a deployment against the one before (local). */
    public static final String VALIDATION_P95 = "deployment.validation.p95";
    /** Failed requests after a deployment that completed (local). */
    public static final String VALIDATION_FAILED_REQUESTS = "deployment.validation.failed-requests";
    /** Failed requests after a rollback (local). */
    public static final String VALIDATION_FAILED_REQUESTS_AFTER_ROLLBACK = "deployment.validation.failed-requests-after-rollback";
    /** A bad release stopped by a gate and rolled back without a human (local). */
    public static final String STOPPED_BY_GATE = "deployment.stopped-by-gate";
    /** Rollback time against the 5 minutes' target (local and staging). */
    public static final String ROLLBACK_TIME = "deployment.rollback-time";
    /** Rollback time against the local goal (local). */
    public static final String ROLLBACK_TIME_LOCAL_GOAL = "deployment.rollback-time-local-goal";
    /** Rollbacks that restored the previous release (local and staging). */
    public static final String ROLLBACK_SUCCESS = "deployment.rollback-success";
    /** Failed requests a bad release caused, by the balancer's count (local). */
    public static final String BAD_RELEASE_FAILED_REQUESTS = "deployment.bad-release.failed-requests";
    /** Failed requests a bad release caused, by the probe's count (local and staging). */
    public static final String BAD_RELEASE_FAILED_REQUESTS_PROBE = "deployment.bad-release.failed-requests-probe";
    /** Failed requests during a bad release's drill not answered by its servers (local). */
    public static final String BAD_RELEASE_FAILED_ELSEWHERE = "deployment.bad-release.failed-elsewhere";
    /** Requests a bad release stopped before the switch answered (local). */
    public static final String BAD_RELEASE_TRAFFIC = "deployment.bad-release.traffic";
    /** Failed requests by Gatling's count across the drills' background load (local). */
    public static final String DRILLS_LOAD_FAILED_REQUESTS = "deployment.drills-load.failed-requests";
    /** Failed requests over the drills' background load outside the bad releases' drills (local). */
    public static final String DRILLS_LOAD_FAILED_OUTSIDE_BAD_RELEASES = "deployment.drills-load.failed-outside-bad-releases";
    /** Deployments of a good release through AWS that completed (staging). */
    public static final String STAGING_SUCCESS_RATE = "deployment.staging.success-rate";
    /** Failed requests during an AWS deployment, by the probe's count (staging). */
    public static final String STAGING_FAILED_REQUESTS = "deployment.staging.failed-requests";
    /** A bad release stopped and rolled back on AWS without a human (staging). */
    public static final String STAGING_STOPPED_AUTOMATICALLY = "deployment.staging.stopped-automatically";

    /** Every key a deployment drill records a figure under. */
    public static List<String> keys() {
        return List.of(SUCCESS_RATE, COMPLETED, FAILED_REQUESTS, LOAD_FAILED_REQUESTS, TIME, CAPACITY, VALIDATION, VALIDATION_P95,
                VALIDATION_FAILED_REQUESTS, VALIDATION_FAILED_REQUESTS_AFTER_ROLLBACK, STOPPED_BY_GATE, ROLLBACK_TIME,
                ROLLBACK_TIME_LOCAL_GOAL, ROLLBACK_SUCCESS, BAD_RELEASE_FAILED_REQUESTS, BAD_RELEASE_FAILED_REQUESTS_PROBE,
                BAD_RELEASE_FAILED_ELSEWHERE, BAD_RELEASE_TRAFFIC, DRILLS_LOAD_FAILED_REQUESTS, DRILLS_LOAD_FAILED_OUTSIDE_BAD_RELEASES,
                STAGING_SUCCESS_RATE, STAGING_FAILED_REQUESTS, STAGING_STOPPED_AUTOMATICALLY);
    }

    public static DrillFigure of(String key, Figure figure) {
        return new DrillFigure(key, figure);
    }
}
