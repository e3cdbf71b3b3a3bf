package org.faithbot.verification.chaos;

import org.faithbot.verification.dashboard.OperationsDashboard;
import org.faithbot.verification.load.BackgroundLoad;
import org.faithbot.verification.load.LoadRun;
import org.faithbot.verification.local.LocalMonitoring;
import org.faithbot.verification.monitoring.AlertRules;
import org.faithbot.verification.local.LocalTarget;
import org.faithbot.verification.settings.Settings;
import org.faithbot.verification.target.Target;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.fis.FisClient;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A game day: the experiments of chaos-experiments/ run one after the other against the target,
 * under one background Gatling load started once for all of them, each through the same
 * {@link ChaosEngine} with the target's driver (local faults, or AWS FIS in staging). Ends with the
 * load stopped, the game day's own instance retired (local) and the report written.
 *
 * <p>Settings (system properties): {@code chaos.experiment} (all, or a comma-separated list of ids),
 * {@code chaos.load.users} (20), {@code chaos.load.max-seconds}; for staging, {@code staging.region}
 * (or AWS_REGION), {@code staging.name-prefix} (or STAGING_NAME_PREFIX), {@code chaos.fis.poll-seconds} (5),
 * {@code chaos.fis.create-templates} and {@code chaos.fis.role-arn}.
 */
public final class GameDay {

    private final Target target;
    private final Path projectRoot;
    private final ExperimentCatalogue catalogue;
    private final ChaosDriver driver;
    private final ChaosEngine engine;
    private final Instant started = Instant.now();
    private final List<ExperimentResult> results = new ArrayList<>();
    private BackgroundLoad load;
    private volatile GameDayInstance gameDayInstance;
    private final Object instanceLock = new Object();
    private final List<AutoCloseable> clients = new ArrayList<>();
    private Detection detection;
    private CloudWatchClient cloudWatch;

    private GameDay(Target target, Path projectRoot) {
        this.target = target;
        this.projectRoot = projectRoot;
        this.catalogue = ExperimentCatalogue.load(projectRoot.resolve("chaos-experiments"));
        this.driver = "local".equals(target.name())
                ? new LocalChaosDriver(LocalTarget.of(target), this::gameDayInstance, () -> gameDayInstance != null)
                : fisDriver();
        this.engine = new ChaosEngine(experiment -> ProbeObservation.start(target, load, experiment.maxRecovery()
                .plus(driver.faultDuration(experiment)).plusSeconds(90)));
    }

    /** Begins a game day against the target (the run holds it: see VerificationRun). */
    public static GameDay begin(Target target, Path projectRoot) {
        return new GameDay(target, projectRoot);
    }

    private FisChaosDriver fisDriver() {
        Region region = Region.of(Settings.stagingRegion());
        FisClient fis = FisClient.builder().region(region).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        cloudWatch = CloudWatchClient.builder().region(region).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        clients.add(fis);
        clients.add(cloudWatch);
        return new FisChaosDriver(fis, new CloudWatchAlarmStates(cloudWatch), new FisChaosDriver.Settings(
                prefix(),
                System.getProperty("chaos.fis.role-arn"),
                Boolean.getBoolean("chaos.fis.create-templates"),
                Duration.ofSeconds(Long.getLong("chaos.fis.poll-seconds", 5)),
                "game-day-" + started.getEpochSecond()));
    }

    private static String prefix() {
        return Settings.setting("staging.name-prefix", "STAGING_NAME_PREFIX", null);
    }

    public Target target() {
        return target;
    }

    public ExperimentCatalogue catalogue() {
        return catalogue;
    }

    public ChaosDriver driver() {
        return driver;
    }

    /**
     * Starts the background load (once per game day). Locally, the game day's own instance starts at
     * the same time: the experiments run on three instances, as production does (desired_count = 3).
     */
    public synchronized BackgroundLoad startLoad() {
        if (load == null) {
            boolean local = "local".equals(target.name());
            java.util.concurrent.CompletableFuture<GameDayInstance> third = local
                    ? java.util.concurrent.CompletableFuture.supplyAsync(this::gameDayInstance, r -> Thread.ofPlatform().daemon().name("game-day-instance").start(r))
                    : null;
            int users = Integer.getInteger("chaos.load.users", 20);
            Duration max = Duration.ofSeconds(Long.getLong("chaos.load.max-seconds", local ? 480 : 5400));
            try {
                load = BackgroundLoad.start(target, projectRoot, users, max);
            } finally {
                if (third != null) {
                    try {
                        third.join();
                    } catch (java.util.concurrent.CompletionException e) {
                        // the experiments that need it try again, and fail on their own if it cannot start
                        System.out.println("[game day] the game day's own instance did not start: " + e.getCause().getMessage());
                    }
                }
            }
            System.out.printf("[game day] background load running: %s%n", load.conditions());
        }
        return load;
    }

    public synchronized Optional<BackgroundLoad> load() {
        return Optional.ofNullable(load);
    }

    private GameDayInstance gameDayInstance() {
        synchronized (instanceLock) {
            if (gameDayInstance == null) {
                LocalTarget local = LocalTarget.of(target);
                Path jar = Path.of(System.getProperty("service.jar", projectRoot.resolve("service/target/chatbot-service.jar").toString()));
                gameDayInstance = GameDayInstance.start(local, jar);
            }
            return gameDayInstance;
        }
    }

    /** Whether the experiment is selected for this game day ({@code -Dchaos.experiment=all|id,id}). */
    public static boolean selected(String experimentId) {
        String selection = System.getProperty("chaos.experiment", "all").trim();
        if (selection.isEmpty() || selection.equals("all")) {
            return true;
        }
        Set<String> ids = Arrays.stream(selection.split(",")).map(String::trim).collect(Collectors.toSet());
        return ids.contains(experimentId);
    }

    public static boolean allSelected() {
        String selection = System.getProperty("chaos.experiment", "all").trim();
        return selection.isEmpty() || selection.equals("all");
    }

    /** A staging game day's pre-flight: which selected experiments' FIS templates passed their guard rails, which were refused and why. */
    public record Preflight(List<String> passed, List<String> refused) {
    }

    /** Prepares every selected experiment's FIS template behind its guard rails, without starting any. */
    public Preflight preflight() {
        List<String> passed = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Experiment experiment : catalogue.all()) {
            if (experiment.fis() == null || !selected(experiment.id())) {
                continue;
            }
            try {
                driver.prepare(experiment);
                passed.add(experiment.id());
            } catch (RuntimeException e) {
                refused.add(experiment.id() + ": " + e.getMessage());
            }
        }
        return new Preflight(List.copyOf(passed), List.copyOf(refused));
    }

    /** Runs one experiment and adds it to the report. */
    public ExperimentResult run(Experiment experiment) {
        System.out.printf("[game day] %s: %s%n", experiment.id(), experiment.title());
        Optional<Detection> watching = detection();
        ExperimentResult result = engine.run(experiment, driver);
        if (watching.isPresent() && result.faultStart() != null) {
            result = result.withIncident(watching.get().judge(result));
        }
        synchronized (this) {
            results.add(result);
            writeReport(Map.of());
        }
        System.out.println("[game day] " + result.summary());
        return result;
    }

    /**
     * The on-call watching the faults: locally Prometheus and Alertmanager (started with the first experiment, once they
     * scrape every instance); in staging the CloudWatch alarms' history (when the name prefix is set).
     */
    private synchronized Optional<Detection> detection() {
        if (detection == null && "local".equals(target.name())) {
            LocalTarget local = LocalTarget.of(target);
            LocalMonitoring monitoring = local.monitoring();
            if (!monitoring.awaitScraped(local.instances().size(), Duration.ofSeconds(20))) {
                System.out.println("[game day] Prometheus does not scrape every instance yet: the first experiment's alerts may come late");
            }
            detection = new LocalDetection(monitoring);
        } else if (detection == null && cloudWatch != null && prefix() != null) {
            detection = new AlarmHistoryDetection(new CloudWatchAlarmHistory(cloudWatch), prefix(), AlertRules.load(),
                    Duration.ofSeconds(Long.getLong("chaos.alarm-history.poll-seconds", 15)), Clock.systemUTC());
        }
        return Optional.ofNullable(detection);
    }

    public synchronized List<ExperimentResult> results() {
        return List.copyOf(results);
    }

    /** A game day without background load (a self-test) is reported apart from the real one. */
    private String reportName() {
        return target.name() + (load == null ? "-without-load" : "");
    }

    private void writeReport(Map<String, Object> extra) {
        GameDayReport.write(projectRoot.resolve("reports/chaos"), reportName(), started,
                load == null ? "none" : load.conditions(), results, extra);
    }

    /** The game day's end: what the background load measured, the report, and the operations dashboard's picture (or null). */
    public record Summary(List<ExperimentResult> results, LoadRun load, String loadConditions, Path report, Path dashboard) {
    }

    /** The game day's end: the load stopped, the game day's own instance retired, the report written. */
    public synchronized Summary end() {
        LoadRun run = null;
        String conditions = load == null ? "none" : load.conditions();
        try {
            if (load != null) {
                run = load.stop();
                if (run == null && load.failure() != null) {
                    System.out.println("[game day] the background load failed: " + load.failure().getMessage());
                }
            }
        } finally {
            if (detection != null) {
                detection.close();
            }
            synchronized (instanceLock) {
                if (gameDayInstance != null) {
                    gameDayInstance.retire();
                    gameDayInstance = null;
                }
            }
            for (AutoCloseable client : clients) {
                try {
                    client.close();
                } catch (Exception e) {
                    // closing the AWS clients is best effort
                }
            }
        }
        Path dashboard = dashboard();
        Map<String, Object> extra = new LinkedHashMap<>();
        if (dashboard != null) {
            extra.put("operationsDashboard", projectRoot.relativize(dashboard).toString());
        }
        if (run != null) {
            extra.put("backgroundLoadReport", projectRoot.relativize(run.reportDirectory().resolve("index.html")).toString());
            extra.put("backgroundLoadRequests", run.stats().global().total());
            extra.put("backgroundLoadErrorPercent", run.stats().global().errorPercent());
        }
        writeReport(extra);
        System.out.print(GameDayReport.markdown(target.name(), started, conditions, results));
        return new Summary(List.copyOf(results), run, conditions, projectRoot.resolve("reports/chaos/game-day-" + reportName() + ".md"), dashboard);
    }

    /**
     * The operations dashboard over the whole game day, drawn from Prometheus (locally, when the monitoring watched it) into
     * reports/chaos/: its picture's path, or null (no local monitoring, or no browser to draw it: the page stays beside).
     */
    private Path dashboard() {
        if (!(detection instanceof LocalDetection) || load == null) {
            return null; // a self-test's game day without load draws nothing
        }
        try {
            return OperationsDashboard.render(LocalTarget.of(target).monitoring().prometheusUrl(), started, Instant.now(),
                    projectRoot.resolve("reports/chaos"));
        } catch (RuntimeException e) {
            System.out.println("[game day] the operations dashboard was not drawn: " + e.getMessage());
            return null;
        }
    }
}
