package org.faithbot.verification.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.faithbot.verification.evidence.EvidenceRecorder;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.operation.Availability;
import org.faithbot.verification.operation.CdnHitRate;
import org.faithbot.verification.operation.CdnMetrics;
import org.faithbot.verification.operation.BackupHistory;
import org.faithbot.verification.operation.BackupJobs;
import org.faithbot.verification.operation.CodeDeployDeployments;
import org.faithbot.verification.operation.DeploymentHistory;
import org.faithbot.verification.operation.DeploymentRecord;
import org.faithbot.verification.operation.Incidents;
import org.faithbot.verification.operation.LoadBalancerMetrics;
import org.faithbot.verification.operation.OperationSettings;
import org.faithbot.verification.operation.OperationWindow;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Steps of production's operation over time: the figures are read from CloudWatch, CodeDeploy and AWS Backup over
 * the operation window ({@link OperationSettings}) and judged by the operation package; nothing is written.
 */
public class OperationSteps {

    private final ScenarioContext context;
    private OperationSettings settings;
    private OperationWindow window;
    private Availability availability;
    private List<DeploymentRecord> deployments;
    private BackupHistory backups;
    private CdnHitRate cdn;

    public OperationSteps(ScenarioContext context) {
        this.context = context;
    }

    private OperationSettings settings() {
        if (settings == null) {
            if (context.target().local()) {
                throw new TestAbortedException("production's operation is read from AWS; the local target has no history to read");
            }
            settings = OperationSettings.of(context.target().name());
            window = OperationWindow.last(settings.window(), Instant.now());
        }
        return settings;
    }

    @When("the load balancer's metrics of the operation window are read in 5-minute periods")
    public void readMetrics() {
        OperationSettings s = settings();
        try (CloudWatchClient cloudWatch = CloudWatchClient.builder().region(Region.of(s.region())).build()) {
            LoadBalancerMetrics metrics = new LoadBalancerMetrics(cloudWatch);
            String balancer = metrics.dimension(s.albName(), s.albDimension());
            availability = Availability.over(window, s.period(), metrics.periods(balancer, window, s.period()), Availability.CRITICAL_ERROR_SHARE);
        }
    }

    @When("CloudFront's metrics of the operation window are read hour by hour")
    public void readCdnMetrics() {
        OperationSettings s = settings();
        try (CloudWatchClient cloudWatch = CloudWatchClient.builder().region(CdnMetrics.REGION).build()) {
            CdnMetrics metrics = new CdnMetrics(cloudWatch);
            cdn = metrics.hitRate(metrics.distribution(s.cloudfrontDistribution()), window, Duration.ofHours(1));
        }
    }

    @Then("the CDN served more than {double} % of the window's requests from its cache")
    public void cdnHitRateAbove(double percent) {
        if (cdn.requests() == 0) {
            throw new AssertionError("CloudFront counted no request over " + window + ": no hit rate to judge (" + cdn.describe() + ")");
        }
        context.evidence().require("operation.cdn", Figure.of("CDN cache hit rate over the operation window", cdn.hitRatePercent(), "%")
                .greaterThan(percent).when(cdn.describe()));
    }

    @When("the deployment group's deployments of the operation window are read from CodeDeploy")
    public void readDeployments() {
        OperationSettings s = settings();
        try (CodeDeployClient codeDeploy = CodeDeployClient.builder().region(Region.of(s.region())).build()) {
            deployments = new CodeDeployDeployments(codeDeploy).created(s.codeDeployApplication(), s.codeDeployGroup(), window);
        }
    }

    @Then("the service was up in at least {double} % of the periods")
    public void upAtLeast(double percent) {
        context.evidence().require("operation.uptime", Figure.of("uptime over the operation window (5-minute periods up)",
                availability.uptimePercent(), "%").atLeast(percent).when(availability.describe()));
    }

    @Then("under {double} % of the requests it answered failed with a server error")
    public void errorRateUnder(double percent) {
        if (availability.requests() == 0) {
            throw new AssertionError("no request reached the load balancer over " + window + ": no error rate to judge");
        }
        context.evidence().require("operation.error-rate", Figure.of("requests answered 5xx over the operation window",
                availability.errorRatePercent(), "%").lessThan(percent).when(availability.describe()));
    }

    @Then("the mean time to recover from an outage was under {int} minutes")
    public void mttrUnder(int minutes) {
        Incidents incidents = Incidents.of(availability);
        if (incidents.count() == 0) {
            throw new TestAbortedException("no outage over " + window + ": no recovery to time");
        }
        context.evidence().require("operation.incidents", Figure.of("mean time to recover from an outage (to the 5-minute period)",
                incidents.mttrMinutes(), "min").lessThan(minutes).when(incidents.describe()));
    }

    @Then("the mean time between outages was more than {int} hours")
    public void mtbfOver(int hours) {
        Incidents incidents = Incidents.of(availability);
        context.evidence().require("operation.incidents", Figure.of("mean time between outages" + (incidents.count() == 0
                ? " (no outage: the window's length, a lower bound)" : ""), incidents.mtbfHours(), "h").greaterThan(hours)
                .when(incidents.describe()));
    }

    @Then("more than {double} % of the release deployments succeeded")
    public void deploymentsSucceeded(double percent) {
        DeploymentHistory history = DeploymentHistory.of(window, deployments);
        if (history.releases().isEmpty()) {
            throw new TestAbortedException("no release deployment finished over " + window + ": no rate to judge");
        }
        context.evidence().require("operation.deployments", Figure.of("release deployments that succeeded (" + history.succeeded() + " of "
                + history.releases().size() + ")", history.successPercent(), "%").greaterThan(percent).when(history.describe()));
    }

    @Then("the service was up throughout every deployment and rollback")
    public void upThroughoutDeployments() {
        DeploymentHistory history = DeploymentHistory.of(window, deployments);
        if (history.releases().isEmpty()) {
            throw new TestAbortedException("no deployment finished over " + window + ": none to judge");
        }
        List<String> down = history.withDowntime(availability).stream().map(DeploymentRecord::id).toList();
        context.evidence().require("operation.zero-downtime", Figure.of("deployments without a down period while they ran ("
                + (history.deployments().size() - down.size()) + " of " + history.deployments().size() + ")",
                history.zeroDowntimePercent(availability), "%").equalTo(100).when(history.describe() + "; with the service down while "
                + "deploying: " + down + "; " + availability.describe()));
    }

    @Then("every rollback succeeded")
    public void rollbacksSucceeded() {
        DeploymentHistory history = DeploymentHistory.of(window, deployments);
        if (history.rollbacks().isEmpty()) {
            throw new TestAbortedException("no deployment over " + window + " was rolled back: no rollback to judge");
        }
        context.evidence().require("operation.rollbacks", Figure.of("rollbacks that succeeded (" + history.rollbacksSucceeded() + " of "
                + history.rollbacks().size() + ")", history.rollbackSuccessPercent(), "%").equalTo(100).when(history.describe()));
    }

    @When("the vault's backup jobs of the operation window are read from AWS Backup")
    public void readBackups() {
        OperationSettings s = settings();
        try (BackupClient backup = BackupClient.builder().region(Region.of(s.region())).build()) {
            backups = new BackupJobs(backup).created(s.backupVault(), window);
        }
    }

    @Then("backups ran in the window and every one that finished completed")
    public void backupsCompleted() {
        OperationSettings s = settings();
        BackupHistory history = backups;
        List<org.faithbot.verification.evidence.Evidence> recorded = new java.util.ArrayList<>(context.evidence().record("operation.backups",
                Figure.of("backup jobs of vault " + s.backupVault() + " that finished", history.finished().size(), "jobs").atLeast(1)
                        .when(history.describe())));
        if (!history.finished().isEmpty()) {
            recorded.addAll(context.evidence().record("operation.backups", Figure.of("finished backup jobs that completed (" + history.completed()
                    + " of " + history.finished().size() + ")", history.successPercent(), "%").equalTo(100).when(history.describe())));
        }
        EvidenceRecorder.requireMet(recorded);
    }
}
