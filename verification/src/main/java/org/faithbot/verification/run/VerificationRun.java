package org.faithbot.verification.run;

import org.faithbot.verification.catalogue.CriteriaCatalogue;
import org.faithbot.verification.chaos.GameDay;
import org.faithbot.verification.deployment.DeploymentTally;
import org.faithbot.verification.deployment.DrillsBackgroundLoad;
import org.faithbot.verification.deployment.LocalDeployments;
import org.faithbot.verification.evidence.EvidenceLog;
import org.faithbot.verification.evidence.EvidenceRecorder;
import org.faithbot.verification.load.SharedLoads;
import org.faithbot.verification.local.DrillSite;
import org.faithbot.verification.local.LocalTarget;
import org.faithbot.verification.target.AwsTarget;
import org.faithbot.verification.target.Target;
import org.faithbot.verification.target.Targets;

import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of the harness, one per JVM: the target (started on first use), the evidence, the loads shared between
 * scenarios, the current game day, the local deployments, the drills' background load and the tally of the
 * deployments they ran, the recovery drills' site. Its lifecycle is one: {@link #beforeFeature} ends what a feature leaves that the next one must not share
 * (a game day, the drills' load and their changes to the target, the drill site), so that any feature runs alone
 * or in any order with the same result; {@link #endFeatures} does the same when a run of the specs ends; the JVM's
 * end stops the target (after the self-tests, which share it).
 */
public final class VerificationRun {

    private static final VerificationRun CURRENT = new VerificationRun(Targets.projectRoot(), Targets.selectedName());

    private final Path projectRoot;
    private final String targetName;
    private final CriteriaCatalogue catalogue = CriteriaCatalogue.load();
    private final EvidenceLog evidence = new EvidenceLog();
    private final DeploymentTally deploymentTally = new DeploymentTally();
    private Target target;
    private RuntimeException startFailure;
    private SharedLoads loads;
    private GameDay gameDay;
    private LocalDeployments deployments;
    private DrillsBackgroundLoad drillsLoad;
    private DrillSite drillSite;
    private URI feature;

    private VerificationRun(Path projectRoot, String targetName) {
        this.projectRoot = projectRoot;
        this.targetName = targetName;
        Runtime.getRuntime().addShutdownHook(new Thread(this::end, "verification-run-end"));
    }

    public static VerificationRun current() {
        return CURRENT;
    }

    public Path projectRoot() {
        return projectRoot;
    }

    /** local, staging or production, as chosen with -Dtarget (without starting the target). */
    public String targetName() {
        return targetName;
    }

    public CriteriaCatalogue catalogue() {
        return catalogue;
    }

    public EvidenceLog evidence() {
        return evidence;
    }

    /** A recorder for one scenario: its criteria from its tags, this run's target, its name. */
    public EvidenceRecorder recorder(Collection<String> tags, String scenario) {
        return new EvidenceRecorder(evidence, catalogue.figures(), CriteriaCatalogue.criteriaOf(tags), targetName, scenario);
    }

    /** The target, started on first use; a target that failed to start is not started again: its failure is repeated. */
    public synchronized Target target() {
        if (startFailure != null) {
            throw new IllegalStateException("the " + targetName + " target could not be started", startFailure);
        }
        if (target == null) {
            try {
                target = switch (targetName) {
                    case "local" -> LocalTarget.start(projectRoot, List.of("s1", "s2"));
                    case "staging", "production" -> AwsTarget.fromConfiguration(targetName);
                    default -> throw new IllegalArgumentException("unknown target '" + targetName + "': use local, staging or production");
                };
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return target;
    }

    /** The local stack, for scenarios that act on its processes and balancer; fails on any other target. */
    public LocalTarget local() {
        return LocalTarget.of(target());
    }

    /** The loads shared between the scenarios that judge them. */
    public synchronized SharedLoads loads() {
        if (loads == null) {
            loads = new SharedLoads(target(), projectRoot);
        }
        return loads;
    }

    /** The game day of this feature, begun on first use. */
    public synchronized GameDay gameDay() {
        if (gameDay == null) {
            gameDay = GameDay.begin(target(), projectRoot);
        }
        return gameDay;
    }

    public synchronized Optional<GameDay> runningGameDay() {
        return Optional.ofNullable(gameDay);
    }

    /** Ends the game day, if one runs: its load stopped, its own instance retired, its report written. */
    public synchronized Optional<GameDay.Summary> endGameDay() {
        GameDay day = gameDay;
        gameDay = null;
        return day == null ? Optional.empty() : Optional.of(day.end());
    }

    /** The deployment machinery of the local target. */
    public synchronized LocalDeployments deployments() {
        if (deployments == null) {
            deployments = new LocalDeployments(local());
        }
        return deployments;
    }

    /** The deployments the drills ran in this run, with their outcomes: the drills' rates are counted over them. */
    public DeploymentTally deploymentTally() {
        return deploymentTally;
    }

    /** The deployment drills' shared background load and hand-back. */
    public synchronized DrillsBackgroundLoad drillsLoad() {
        if (drillsLoad == null) {
            drillsLoad = new DrillsBackgroundLoad(target(), projectRoot, this::usedDeployments);
        }
        return drillsLoad;
    }

    private synchronized Optional<LocalDeployments> usedDeployments() {
        return Optional.ofNullable(deployments);
    }

    /** The recovery drills' site, shared by the drills of a feature; started again when a drill left it unusable. */
    public synchronized DrillSite drillSite() {
        if (drillSite != null && drillSite.instance() != null && drillSite.instance().readinessStatus() != 200) {
            drillSite.stop();
            drillSite = null;
        }
        if (drillSite == null) {
            drillSite = DrillSite.start(projectRoot);
        }
        return drillSite;
    }

    /** Before each scenario: when it opens another feature, what the previous feature left is ended first. */
    public synchronized void beforeFeature(URI scenarioFeature) {
        if (!Objects.equals(scenarioFeature, feature)) {
            endFeatures();
            feature = scenarioFeature;
        }
    }

    /** Ends whatever a feature leaves behind: the game day, the drills' load (handing the target back), the drill site. */
    public synchronized void endFeatures() {
        feature = null;
        try {
            endGameDay();
        } catch (RuntimeException e) {
            System.out.println("[run] the game day did not end cleanly: " + e);
        }
        if (drillsLoad != null) {
            drillsLoad.end(true);
        }
        if (drillSite != null) {
            drillSite.stop();
            drillSite = null;
        }
    }

    /** The end of the JVM: what features left (the target is not handed back: it stops), then the local target. */
    private void end() {
        try {
            if (drillsLoad != null) {
                drillsLoad.end(false);
            }
            endFeatures();
        } catch (RuntimeException e) {
            System.out.println("[run] ending the features failed: " + e);
        }
        synchronized (this) {
            if (target instanceof LocalTarget local) {
                local.stop();
            }
        }
    }
}
