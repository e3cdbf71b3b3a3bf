package org.faithbot.verification.operation;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The service's deployments over a window, counted from CodeDeploy: releases deployed (rollbacks are counted apart),
 * those that succeeded, the rollbacks they needed and whether each succeeded, and the deployments during which the
 * load balancer's metrics show the service down.
 */
public record DeploymentHistory(OperationWindow window, List<DeploymentRecord> releases, List<DeploymentRecord> rollbacks) {

    public static DeploymentHistory of(OperationWindow window, List<DeploymentRecord> all) {
        List<DeploymentRecord> finished = all.stream().filter(DeploymentRecord::finished).filter(d -> window.contains(d.created())).toList();
        List<DeploymentRecord> releases = finished.stream().filter(d -> !d.isRollback()).toList();
        Map<String, DeploymentRecord> byId = all.stream().collect(Collectors.toMap(DeploymentRecord::id, Function.identity(), (a, b) -> a));
        List<DeploymentRecord> rollbacks = releases.stream().filter(DeploymentRecord::triggeredRollback)
                .map(d -> byId.getOrDefault(d.rolledBackBy(), new DeploymentRecord(d.rolledBackBy(), "Unknown", d.completed(), null, d.id(), null)))
                .toList();
        return new DeploymentHistory(window, releases, rollbacks);
    }

    public long succeeded() {
        return releases.stream().filter(DeploymentRecord::succeeded).count();
    }

    /** Releases that succeeded, in percent of the releases deployed (NaN with none). */
    public double successPercent() {
        return releases.isEmpty() ? Double.NaN : 100.0 * succeeded() / releases.size();
    }

    public long rollbacksSucceeded() {
        return rollbacks.stream().filter(DeploymentRecord::succeeded).count();
    }

    public double rollbackSuccessPercent() {
        return rollbacks.isEmpty() ? Double.NaN : 100.0 * rollbacksSucceeded() / rollbacks.size();
    }

    /** The finished deployments (releases and their rollbacks) during which the service was down in some period. */
    public List<DeploymentRecord> withDowntime(Availability availability) {
        return deployments().stream().filter(d -> availability.downBetween(d.created(), d.completed())).toList();
    }

    /** The finished releases and rollbacks. */
    public List<DeploymentRecord> deployments() {
        List<DeploymentRecord> all = new java.util.ArrayList<>(releases);
        rollbacks.stream().filter(DeploymentRecord::finished).forEach(all::add);
        return all;
    }

    /** Deployments (releases and rollbacks) without a down period of the service while they ran, in percent. */
    public double zeroDowntimePercent(Availability availability) {
        int all = deployments().size();
        return all == 0 ? Double.NaN : 100.0 * (all - withDowntime(availability).size()) / all;
    }

    public String describe() {
        return releases.size() + " release deployment(s) over " + window + ": " + succeeded() + " succeeded; " + rollbacks.size()
                + " rollback(s), " + rollbacksSucceeded() + " succeeded";
    }
}
