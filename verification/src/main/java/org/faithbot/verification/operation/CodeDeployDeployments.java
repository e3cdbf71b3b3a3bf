package org.faithbot.verification.operation;

import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.ListDeploymentsRequest;
import software.amazon.awssdk.services.codedeploy.model.RollbackInfo;
import software.amazon.awssdk.services.codedeploy.model.TimeRange;

import java.util.ArrayList;
import java.util.List;

/** The deployment group's deployments created in a window, from CodeDeploy (ListDeployments, BatchGetDeployments by 25). */
public final class CodeDeployDeployments {

    private final CodeDeployClient codeDeploy;

    public CodeDeployDeployments(CodeDeployClient codeDeploy) {
        this.codeDeploy = codeDeploy;
    }

    public List<DeploymentRecord> created(String application, String deploymentGroup, OperationWindow window) {
        List<String> ids = new ArrayList<>();
        codeDeploy.listDeploymentsPaginator(ListDeploymentsRequest.builder().applicationName(application).deploymentGroupName(deploymentGroup)
                .createTimeRange(TimeRange.builder().start(window.from()).end(window.to()).build()).build()).deployments().forEach(ids::add);
        List<DeploymentRecord> records = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 25) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 25));
            codeDeploy.batchGetDeployments(r -> r.deploymentIds(chunk)).deploymentsInfo().forEach(d -> records.add(record(d)));
        }
        return records;
    }

    static DeploymentRecord record(DeploymentInfo d) {
        RollbackInfo rollback = d.rollbackInfo();
        return new DeploymentRecord(d.deploymentId(), d.statusAsString(), d.createTime(), d.completeTime(),
                rollback == null ? null : rollback.rollbackTriggeringDeploymentId(),
                rollback == null ? null : rollback.rollbackDeploymentId());
    }
}
