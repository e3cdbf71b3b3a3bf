package org.faithbot.verification.operation;

import java.time.Instant;

/**
 * One CodeDeploy deployment of the service: its status (Succeeded, Failed, Stopped, InProgress, ...), when it was
 * created and completed, whether it is itself a rollback (it names the deployment it rolled back), and the
 * rollback it triggered, if any.
 */
public record DeploymentRecord(String id, String status, Instant created, Instant completed, String rollbackOf, String rolledBackBy) {

    public boolean finished() {
        return completed != null && !"InProgress".equals(status) && !"Created".equals(status) && !"Queued".equals(status)
                && !"Ready".equals(status) && !"Baking".equals(status);
    }

    public boolean succeeded() {
        return "Succeeded".equals(status);
    }

    public boolean isRollback() {
        return rollbackOf != null && !rollbackOf.isEmpty();
    }

    public boolean triggeredRollback() {
        return rolledBackBy != null && !rolledBackBy.isEmpty();
    }
}
