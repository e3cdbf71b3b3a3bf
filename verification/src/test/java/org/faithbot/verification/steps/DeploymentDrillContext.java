package org.faithbot.verification.steps;

import org.faithbot.verification.deployment.DeploymentDrill;
import org.faithbot.verification.deployment.DrillFigure;
import org.faithbot.verification.deployment.DrillTraffic;
import org.faithbot.verification.deployment.staging.AwsDeploymentDrill;
import org.faithbot.verification.evidence.Evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * What the deployment steps of one scenario share (one instance per scenario, injected by PicoContainer): the
 * drill's traffic, and the drill on the local target or on staging, each made on first use.
 */
public class DeploymentDrillContext {

    private final ScenarioContext context;
    private DrillTraffic traffic;
    private DeploymentDrill local;
    private AwsDeploymentDrill staging;

    public DeploymentDrillContext(ScenarioContext context) {
        this.context = context;
    }

    public DrillTraffic traffic() {
        if (traffic == null) {
            traffic = new DrillTraffic(context.target(), context.run().projectRoot(), context.run().drillsLoad(), context.run()::deployments);
        }
        return traffic;
    }

    public DeploymentDrill local() {
        if (local == null) {
            local = new DeploymentDrill(traffic(), context.run().deployments(), context.run().drillsLoad(),
                    context.run().deploymentTally());
        }
        return local;
    }

    public AwsDeploymentDrill staging() {
        if (staging == null) {
            staging = new AwsDeploymentDrill(traffic(), context.run().deploymentTally());
        }
        return staging;
    }

    /** Records the drill's figures, each under its key, as the scenario's evidence; the records come back for the step to assert on. */
    public List<Evidence> record(List<DrillFigure> figures) {
        List<Evidence> recorded = new ArrayList<>();
        for (DrillFigure figure : figures) {
            recorded.addAll(context.evidence().record(figure.key(), figure.figure()));
        }
        return recorded;
    }

    /** At the end of the scenario: its probe and its own load stopped (the drills' shared load runs on). */
    public void end() {
        if (traffic != null) {
            traffic.stop();
        }
    }
}
