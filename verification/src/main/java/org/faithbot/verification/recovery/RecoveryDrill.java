package org.faithbot.verification.recovery;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.http.ServiceClient;
import org.faithbot.verification.traffic.AcknowledgedWrite;
import org.faithbot.verification.traffic.WriteLedger;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * A recovery drill, every figure measured: users write through the service while the harness records
 * each acknowledged write; backup checkpoints run on a schedule; a disaster strikes the live tables;
 * the tables are restored into new ones and the service is re-pointed at them with the runbook's own
 * commands ({@link RecoveryCli}); then the drill measures the recovery time, the data lost, and checks
 * every acknowledged write older than the recovery point, and every table's count and checksum.
 */
public final class RecoveryDrill implements AutoCloseable {

    /**
     * The runbook commands (with the options that choose their path) a local drill runs, so the
     * restore runbook can be held to them: backups (the checkpoint's code), the restore from the
     * newest backup before the disaster, the verification against the source's fingerprints, and the
     * wait for the service.
     */
    public static final List<List<String>> RUNBOOK_COMMANDS = List.of(
            List.of("backup"), List.of("restore", "--before"), List.of("verify"), List.of("await-healthy"));

    private final RecoverableService service;
    private final RecoveryDriver driver;
    private final Path workDirectory;
    private final WriteLedger ledger = new WriteLedger();
    private final WriteGate gate = new WriteGate();
    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("drill-schedule").daemon().factory());
    private final Instant startedAt = Instant.now();
    private ChatTraffic traffic;
    private Disaster disaster;
    private Instant disasterAt;
    private String livePrefix;
    private RestoreReport restore;
    private TableVerification.Report tableVerification;
    private Instant repointedAt;
    private Instant readyAt;
    private Instant servingAt;
    private final List<String> runbookCommands = new ArrayList<>();
    private int runbookCommandsFailed;

    public RecoveryDrill(RecoverableService service, RecoveryDriver driver, Path workDirectory) {
        this.service = service;
        this.driver = driver;
        this.workDirectory = workDirectory;
    }

    // ---- before the disaster --------------------------------------------------------------------

    /** Users start chatting, each in one conversation, a message every {@code pace}. */
    public void startTraffic(int users, Duration pace) {
        List<TestUser> chatting = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            chatting.add(TestUser.fresh("Drill" + (char) ('A' + i)));
        }
        traffic = new ChatTraffic(chatting, service.tokens(), service::url, pace, ledger, gate);
        traffic.start();
    }

    /** Runs {@code count} backup checkpoints, one every {@code interval} from now; returns when the last is taken. */
    public List<Checkpoint> backUpEvery(Duration interval, int count) {
        CountDownLatch done = new CountDownLatch(count);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        ScheduledFuture<?> task = schedule.scheduleAtFixedRate(() -> {
            if (done.getCount() == 0 || failure.get() != null) {
                return;
            }
            try {
                checkpoint();
                done.countDown();
            } catch (RuntimeException e) {
                failure.set(e);
                while (done.getCount() > 0) {
                    done.countDown();
                }
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        try {
            if (!done.await(interval.multipliedBy(count).plusSeconds(60).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the backup schedule did not take " + count + " checkpoints in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            task.cancel(false);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a backup checkpoint could not be taken: " + failure.get().getMessage(), failure.get());
        }
        synchronized (checkpoints) {
            return List.copyOf(checkpoints);
        }
    }

    /**
     * One checkpoint: the drill's writers are held, every live table is read (count and checksum) and
     * backed up with the runbook's backup code, the writers are released.
     */
    public Checkpoint checkpoint() {
        int number;
        synchronized (checkpoints) {
            number = checkpoints.size() + 1;
        }
        String prefix = service.tablePrefix();
        WriteGate.Held<Taken> held = gate.holdWritersFor(() -> {
            Map<String, TableFingerprint> fingerprints = new LinkedHashMap<>();
            List<String> failures = new ArrayList<>();
            for (String table : service.tables()) {
                try {
                    fingerprints.put(prefix + table, TableFingerprint.of(driver.dynamoDb(), prefix + table));
                } catch (RuntimeException e) {
                    failures.add(prefix + table + ": cannot be read: " + e.getMessage());
                }
            }
            return new Taken(fingerprints, failures, new TableBackups(driver, service.tables()).backUpAll(prefix, "drill-checkpoint-" + number));
        });
        Taken taken = held.result();
        List<String> failures = new ArrayList<>(taken.unreadable());
        failures.addAll(taken.backups().failures());
        Checkpoint checkpoint = new Checkpoint(number, held.closedAt(), held.openedAt(), taken.backups().backups(), taken.fingerprints(), failures);
        for (BackupRecord backup : checkpoint.backups()) {
            if (backup.createdAt().isBefore(held.closedAt().minusMillis(5)) || backup.createdAt().isAfter(held.openedAt().plusMillis(5))) {
                throw new IllegalStateException("backup " + backup.backupArn() + " says it was created at " + backup.createdAt()
                        + ", outside the checkpoint (" + held.closedAt() + " .. " + held.openedAt() + "): the harness's and the "
                        + "backup service's clocks disagree, so no write can be placed before or after it");
            }
        }
        synchronized (checkpoints) {
            checkpoints.add(checkpoint);
        }
        return checkpoint;
    }

    private record Taken(Map<String, TableFingerprint> fingerprints, List<String> unreadable, TableBackups.Result backups) {
    }

    // ---- the disaster -----------------------------------------------------------------------------

    /** Strikes {@code after} the last checkpoint, while the users write; then stops the users (the incident freezes writes). */
    public Instant strike(Disaster what, Duration after) {
        Checkpoint last = lastCheckpoint().orElseThrow(() -> new IllegalStateException("no backup was taken before the disaster"));
        long delay = Math.max(0, Duration.between(Instant.now(), last.writersReleasedAt().plus(after)).toMillis());
        livePrefix = service.tablePrefix();
        try {
            schedule.schedule(() -> {
                disasterAt = Instant.now();
                what.strike(driver.dynamoDb(), livePrefix);
            }, delay, TimeUnit.MILLISECONDS).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the disaster could not be staged: " + e.getCause().getMessage(), e.getCause());
        }
        disaster = what;
        traffic.stop();
        return disasterAt;
    }

    // ---- the recovery, with the runbook's commands ---------------------------------------------------------

    /** {@code bin/dr restore}: every table from its newest backup taken before the disaster, into new tables. */
    public RestoreReport restore(Duration timeout) {
        requireDisaster();
        String target = service.nextRestorePrefix();
        restore = (RestoreReport) run("restore", "--table-prefix", livePrefix, "--target-prefix", target,
                "--before", disasterAt.toString(), "--timeout", timeout.toString());
        tableVerification = verifyTables(); // before the service is re-pointed: from then on it writes to these tables
        return restore;
    }

    /**
     * Re-points the service at the restored tables, waits with {@code bin/dr await-healthy} until its
     * readiness probe answers, then until it serves restored data: a user's export holds a write
     * acknowledged before the recovery point.
     */
    public RecoveryTimeline repointAndAwaitServing(Duration timeout) {
        requireRestore();
        repointedAt = Instant.now();
        service.repoint(restore.targetPrefix());
        readyAt = (Instant) run("await-healthy", "--url", service.url() + "/actuator/health/readiness", "--timeout", timeout.toString());
        List<AcknowledgedWrite> restorable = ledger.acknowledgedBefore(restore.recoveryPoint());
        if (restorable.isEmpty()) {
            throw new IllegalStateException("no write was acknowledged before the recovery point " + restore.recoveryPoint()
                    + ": nothing shows whether the service serves restored data");
        }
        String probeUser = restorable.getLast().userId();
        Set<String> probeReplies = restorable.stream().filter(w -> w.userId().equals(probeUser)).map(AcknowledgedWrite::messageId)
                .collect(Collectors.toSet());
        String token = tokenOf(probeUser);
        try {
            Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).until(() ->
                    ServiceClient.export(service.url(), token).map(data -> data.messages().stream()
                            .anyMatch(m -> probeReplies.contains(String.valueOf(m.get("messageId"))))).orElse(false));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("the re-pointed service did not serve any restored write of " + probeUser + " within " + timeout, e);
        }
        servingAt = Instant.now();
        return timeline();
    }

    // ---- the measurements ---------------------------------------------------------------------------------

    public RecoveryTimeline timeline() {
        return new RecoveryTimeline(disasterAt, restore.requestedAt(), restore.activeAt(), repointedAt, readyAt, servingAt);
    }

    /** The checkpoint whose backups the restore used. */
    public Checkpoint restoredCheckpoint() {
        requireRestore();
        Set<String> used = restore.tables().stream().map(RestoredTable::source).collect(Collectors.toSet());
        synchronized (checkpoints) {
            return checkpoints.stream().filter(c -> c.backups().stream().map(BackupRecord::backupArn).collect(Collectors.toSet()).equals(used))
                    .findFirst().orElseThrow(() -> new IllegalStateException("the restore used backups of no single checkpoint: " + used));
        }
    }

    /**
     * What {@code bin/dr verify --expect} found right after the restore, before the service was
     * re-pointed: each restored table's count and checksum against its source's at the restored checkpoint.
     */
    public TableVerification.Report tableVerification() {
        requireRestore();
        return tableVerification;
    }

    /** {@code bin/dr verify --expect}, as the runbook runs it between the restore and the re-point. */
    private TableVerification.Report verifyTables() {
        requireRestore();
        Checkpoint checkpoint = restoredCheckpoint();
        Map<String, TableFingerprint> byLogicalName = new LinkedHashMap<>();
        for (String table : service.tables()) {
            byLogicalName.put(table, checkpoint.fingerprints().get(livePrefix + table));
        }
        Path expected = workDirectory.resolve("checkpoint-" + checkpoint.number() + "-" + livePrefix + "fingerprints.json");
        TableVerification.write(expected, byLogicalName);
        RecoveryCli.Outcome outcome = RecoveryCli.execute(cli("verify", "--table-prefix", restore.targetPrefix(),
                "--expect", expected.toString()));
        if (outcome.exitCode() == 2 || outcome.exitCode() == 1 && !(outcome.result() instanceof TableVerification.Report)) {
            runbookCommandsFailed++;
        }
        if (!(outcome.result() instanceof TableVerification.Report report)) {
            throw new IllegalStateException("bin/dr verify could not run (exit " + outcome.exitCode() + "):\n" + outcome.output());
        }
        return report;
    }

    /** Every write acknowledged before the disaster, checked directly in the restored tables. */
    public IntegrityReport integrityInRestoredTables() {
        requireRestore();
        TableReader reader = new TableReader(driver.dynamoDb(), restore.targetPrefix());
        return IntegrityCheck.check("restored tables " + restore.targetPrefix() + "*", acknowledgedBeforeDisaster(), reader::read);
    }

    /** Every write acknowledged before the recovery point, checked through the re-pointed service's export. */
    public IntegrityReport integrityInServiceExport() {
        requireRestore();
        return IntegrityCheck.check("the re-pointed service's export", olderThanRecoveryPoint(), user ->
                ServiceClient.export(service.url(), tokenOf(user)).orElseThrow(() -> new IllegalStateException(
                        "the re-pointed service did not export the data of " + user)));
    }

    public DataLossWindow dataLoss(IntegrityReport restoredTables) {
        return DataLossWindow.of(disasterAt, restore.recoveryPoint(), acknowledgedBeforeDisaster(), restoredTables.notIntact());
    }

    /** Each user writes once more, on the restored tables; returns the writes not found there afterwards. */
    public IntegrityReport writeAfterRecovery() {
        requireRestore();
        List<AcknowledgedWrite> after = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (TestUser user : traffic.users()) {
            String text = "I made it through the storm (after the recovery, " + user.id().substring(5, 13) + ")";
            ServiceClient.ChatAnswer answer = ServiceClient.chat(service.url(), service.tokens().tokenFor(user), text, null);
            if (!answer.acknowledged()) {
                refused.add(user.id() + ": HTTP " + answer.status());
                continue;
            }
            after.add(AcknowledgedWrite.of(user.id(), text, answer.body(), Instant.now()));
        }
        if (!refused.isEmpty()) {
            throw new IllegalStateException("the re-pointed service refused writes: " + refused);
        }
        TableReader reader = new TableReader(driver.dynamoDb(), restore.targetPrefix());
        return IntegrityCheck.check("writes after the recovery, in " + restore.targetPrefix() + "*", after, reader::read);
    }

    public List<AcknowledgedWrite> acknowledgedBeforeDisaster() {
        return ledger.acknowledgedBefore(disasterAt);
    }

    public List<AcknowledgedWrite> olderThanRecoveryPoint() {
        return ledger.acknowledgedBefore(restore.recoveryPoint());
    }

    public Set<AcknowledgedWrite> olderThanRecoveryPointSet() {
        return new HashSet<>(olderThanRecoveryPoint());
    }

    // ---- what the drill knows ---------------------------------------------------------------------------

    public List<Checkpoint> checkpoints() {
        synchronized (checkpoints) {
            return List.copyOf(checkpoints);
        }
    }

    public Optional<Checkpoint> lastCheckpoint() {
        synchronized (checkpoints) {
            return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.getLast());
        }
    }

    public WriteLedger ledger() {
        return ledger;
    }

    public Disaster disaster() {
        return disaster;
    }

    public Instant disasterAt() {
        return disasterAt;
    }

    public RestoreReport restoreReport() {
        return restore;
    }

    public RecoveryDriver driver() {
        return driver;
    }

    public RecoverableService service() {
        return service;
    }

    /** The runbook commands this drill ran, as command lines. */
    public List<String> runbookCommands() {
        return List.copyOf(runbookCommands);
    }

    /** How many of them could not do their work (a verification that finds a difference did its work). */
    public int runbookCommandsFailed() {
        return runbookCommandsFailed;
    }

    public Duration elapsed() {
        return Duration.between(startedAt, Instant.now());
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private Object run(String... command) {
        String[] args = cli(command);
        RecoveryCli.Outcome outcome = RecoveryCli.execute(args);
        if (!outcome.succeeded()) {
            runbookCommandsFailed++;
            throw new IllegalStateException("bin/dr " + String.join(" ", args) + " failed (exit " + outcome.exitCode() + "):\n" + outcome.output());
        }
        return outcome.result();
    }

    /** The command line as an operator types it for this site (emulator endpoint, region, tables). */
    private String[] cli(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        if (!command[0].equals("await-healthy")) {
            if (service.dynamoDbEndpoint() != null) {
                args.addAll(List.of("--endpoint", service.dynamoDbEndpoint().toString()));
            }
            args.addAll(List.of("--region", service.region(), "--tables", String.join(",", service.tables())));
        }
        runbookCommands.add("bin/dr " + String.join(" ", args));
        return args.toArray(String[]::new);
    }

    private String tokenOf(String userId) {
        return service.tokens().tokenFor(traffic.users().stream().filter(u -> u.id().equals(userId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no drill user " + userId)));
    }

    private void requireDisaster() {
        if (disasterAt == null) {
            throw new IllegalStateException("no disaster has struck yet");
        }
    }

    private void requireRestore() {
        if (restore == null) {
            throw new IllegalStateException("nothing has been restored yet");
        }
    }

    /** Stops the users and the schedule (the site's processes belong to whoever started it). */
    @Override
    public void close() {
        if (traffic != null && traffic.isRunning()) {
            traffic.stop();
        }
        schedule.shutdownNow();
    }
}
