package org.faithbot.verification.chaos;

import org.faithbot.verification.http.ChaosMonkey;
import org.faithbot.verification.local.BackendServer;
import org.faithbot.verification.local.CpuGroups;
import org.faithbot.verification.local.Haproxy;
import org.faithbot.verification.local.LocalTarget;
import org.faithbot.verification.local.ManagedProcess;
import org.faithbot.verification.local.ProcessFreeze;
import org.faithbot.verification.local.ServiceInstance;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The local driver: real faults on the local target (processes signalled by PID, the balancer's
 * runtime API, stress-ng, Chaos Monkey, the model stub), each bounded in time and rolled back by the
 * engine (and by a shutdown hook if the run ends meanwhile). Stop conditions are the experiment's
 * alarms, evaluated locally by {@link LocalAlarms}.
 */
public final class LocalChaosDriver implements ChaosDriver {

    public static final String GAME_DAY_INSTANCE = "game-day-instance";
    static final Duration READY_WAIT = Duration.ofSeconds(90);

    private final LocalTarget target;
    private final Supplier<GameDayInstance> gameDayInstance;
    private final Supplier<Boolean> gameDayInstanceStarted;
    private volatile CompletableFuture<Void> replacement;

    /**
     * @param gameDayInstance        the game day's own instance, started on first use
     * @param gameDayInstanceStarted whether it has been started (without starting it)
     */
    public LocalChaosDriver(LocalTarget target, Supplier<GameDayInstance> gameDayInstance, Supplier<Boolean> gameDayInstanceStarted) {
        this.target = target;
        this.gameDayInstance = gameDayInstance;
        this.gameDayInstanceStarted = gameDayInstanceStarted;
    }

    @Override
    public String target() {
        return "local";
    }

    @Override
    public void prepare(Experiment experiment) {
        LocalFault fault = experiment.local();
        if (fault == null) {
            throw new NotRunnable("experiment " + experiment.id() + " has no local equivalent (it runs in staging through AWS FIS only)");
        }
        switch (fault.type()) {
            case CPU_STRESS, MEMORY_STRESS -> {
                if (!StressNg.available()) {
                    throw new NotRunnable("stress-ng is not installed (bin/setup.sh installs it)");
                }
            }
            case MODEL_SLOW, MODEL_DOWN -> {
                if (!gameDayInstance.get().usesModelStub()) {
                    throw new NotRunnable("the service jar has no Bedrock reply generator yet: the model dependency cannot be faulted locally");
                }
            }
            case DATABASE_LATENCY, DATABASE_ERRORS -> gameDayInstance.get(); // Chaos Monkey where it answers, else the database proxy
            case INSTANCE_KILL -> {
                if (fault.target().equals(GAME_DAY_INSTANCE)) {
                    gameDayInstance.get();
                }
            }
            default -> {
            }
        }
        if (fault.target().equals(GAME_DAY_INSTANCE) || fault.needs().contains("model-stub") || fault.needs().contains("chaos-monkey")) {
            gameDayInstance.get();
        }
        awaitEveryServerUp(READY_WAIT);
    }

    private void awaitEveryServerUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<String> missing = notInRotation();
        while (missing.isPresent() && System.nanoTime() < deadline) {
            ChaosEngine.sleep(Duration.ofMillis(250));
            missing = notInRotation();
        }
        if (missing.isPresent()) {
            throw new IllegalStateException("the local target is not whole before the experiment: " + missing.get());
        }
    }

    /** The servers that should carry traffic (the target's own and the game day's slot) and are not UP. */
    private Optional<String> notInRotation() {
        List<String> down = new ArrayList<>();
        for (Map.Entry<String, BackendServer> server : inRotation().entrySet()) {
            if (!server.getValue().isUp()) {
                down.add(server.getKey() + " is " + server.getValue().status());
            }
        }
        return down.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", down) + " in the balancer");
    }

    /**
     * The servers the balancer is meant to use: every server of the backend not put in maintenance on
     * purpose (spare slots, instances a deployment retired). The game day's slot counts from the moment
     * its instance was put behind it, also while that instance is down (killed, being replaced).
     */
    private Map<String, BackendServer> inRotation() {
        Map<String, BackendServer> servers = new LinkedHashMap<>(target.balancer().servers());
        String gameDaySlot = gameDayInstanceStarted.get() ? gameDayInstance.get().slot() : null;
        servers.entrySet().removeIf(s -> s.getValue().status().startsWith("MAINT") && !s.getKey().equals(gameDaySlot));
        return servers;
    }

    @Override
    public Duration faultDuration(Experiment experiment) {
        return experiment.local().duration();
    }

    @Override
    public Optional<String> recoveryPending(Experiment experiment) {
        CompletableFuture<Void> scheduled = replacement;
        if (scheduled != null) {
            if (!scheduled.isDone()) {
                return Optional.of("the scheduler's replacement of " + GameDayInstance.NAME + " is not in rotation yet");
            }
            if (scheduled.isCompletedExceptionally()) {
                return Optional.of("the scheduler's replacement of " + GameDayInstance.NAME + " failed: " + scheduled.exceptionNow().getMessage());
            }
        }
        return notInRotation();
    }

    @Override
    public ActiveFault inject(Experiment experiment, Observation observation) {
        LocalFault fault = experiment.local();
        LocalAlarms alarms = new LocalAlarms(experiment.stopConditions(), observation::allSamples,
                () -> (int) inRotation().values().stream().filter(BackendServer::isUp).count(),
                () -> (int) inRotation().values().stream().filter(s -> !s.isUp()).count(), Instant.now());
        Local active = switch (fault.type()) {
            case INSTANCE_KILL -> kill(fault, alarms);
            case INSTANCE_FREEZE -> freeze(instance(fault.target()).process(), "instance " + fault.target(), alarms);
            case DATABASE_FREEZE -> freeze(target.localDynamoDb().process(), "the local DynamoDB (dynalite)", alarms);
            case BACKEND_DRAIN -> drain(fault, alarms);
            case CPU_STRESS -> stress(fault, alarms, List.of("--cpu", Integer.toString(fault.intParameter("workers", 2))),
                    "CPU stress: stress-ng --cpu " + fault.intParameter("workers", 2));
            case MEMORY_STRESS -> stress(fault, alarms, List.of("--vm", Integer.toString(fault.intParameter("workers", 2)),
                            "--vm-bytes", fault.textParameter("bytesPerWorker", "512m"), "--vm-keep"),
                    "memory pressure: stress-ng --vm " + fault.intParameter("workers", 2) + " --vm-bytes " + fault.textParameter("bytesPerWorker", "512m") + " --vm-keep");
            case DATABASE_LATENCY -> chaosMonkeys().isEmpty() ? proxy(fault, alarms, true) : monkey(fault, alarms, ChaosMonkey.latencyAssault(fault.intParameter("level", 1),
                    fault.intParameter("latencyRangeStartMillis", 300), fault.intParameter("latencyRangeEndMillis", 700)),
                    String.format("Chaos Monkey latency assault of %d-%d ms on every repository call", fault.intParameter("latencyRangeStartMillis", 300),
                            fault.intParameter("latencyRangeEndMillis", 700)));
            case DATABASE_ERRORS -> chaosMonkeys().isEmpty() ? proxy(fault, alarms, false) : monkey(fault, alarms, ChaosMonkey.exceptionAssault(fault.intParameter("level", 4),
                    fault.textParameter("exception", "org.faithbot.chatbot.system.dynamodb.InjectedDataStoreFault")),
                    "Chaos Monkey exception assault on every " + fault.intParameter("level", 4) + "th repository call");
            case MODEL_SLOW -> model(fault, alarms, true);
            case MODEL_DOWN -> model(fault, alarms, false);
        };
        FaultSafety.injected(active);
        return active;
    }

    private ServiceInstance instance(String name) {
        return name.equals(GAME_DAY_INSTANCE) ? gameDayInstance.get().instance() : target.instance(name);
    }

    // ---------------------------------------------------------------- the faults

    private Local kill(LocalFault fault, LocalAlarms alarms) {
        ServiceInstance victim = instance(fault.target());
        if (!fault.target().equals(GAME_DAY_INSTANCE)) {
            throw new NotRunnable("only the game day's own instance is killed locally (the specs after the game day rely on s1 and s2)");
        }
        GameDayInstance slot = gameDayInstance.get();
        Local active = new Local(alarms, "instance " + victim.name() + " (PID " + victim.process().pid() + ") killed with SIGKILL; the scheduler replaces it in slot " + slot.slot(), () -> { });
        victim.process().signal("KILL");
        active.event("SIGKILL sent to " + victim.name() + " (PID " + victim.process().pid() + ")");
        long pid = victim.process().pid();
        replacement = CompletableFuture.runAsync(() -> {
            ProcessHandle.of(pid).ifPresent(handle -> handle.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join());
            active.event("the scheduler saw " + victim.name() + " exit and starts a replacement");
            slot.replace();
            active.event("the replacement of " + victim.name() + " (PID " + slot.instance().process().pid() + ") is in rotation");
        }, runnable -> Thread.ofPlatform().daemon().name("chaos-scheduler").start(runnable));
        active.facts.put("killed PID", Long.toString(pid));
        return active;
    }

    private Local freeze(ManagedProcess process, String what, LocalAlarms alarms) {
        ProcessFreeze freeze = new ProcessFreeze();
        Local active = new Local(alarms, what + " (PID " + process.pid() + ") frozen with SIGSTOP, resumed with SIGCONT at rollback", freeze::close);
        freeze.freeze(process);
        active.event("SIGSTOP sent to " + what + " (PID " + process.pid() + ")");
        return active;
    }

    private Local drain(LocalFault fault, LocalAlarms alarms) {
        String server = fault.target().equals(GAME_DAY_INSTANCE) ? gameDayInstance.get().slot() : fault.target();
        Local active = new Local(alarms, "server " + Haproxy.BACKEND + "/" + server + " drained at the balancer (runtime API), set ready at rollback",
                () -> target.balancer().setState(server, "ready"));
        target.balancer().setState(server, "drain");
        active.event("set server " + Haproxy.BACKEND + "/" + server + " state drain");
        return active;
    }

    private Local stress(LocalFault fault, LocalAlarms alarms, List<String> stressors, String what) {
        ServiceInstance instance = instance(fault.target());
        long pid = instance.process().pid();
        boolean pin = fault.parameters().path("pinToOneCpu").asBoolean(true);
        String cpu = pin ? StressNg.lastCpu() : null;
        String mask = pin ? StressNg.affinity(pid) : null;
        Path log = instance.process().logFile().resolveSibling("stress-ng.log");
        List<AutoCloseable> undo = Collections.synchronizedList(new ArrayList<>());
        Local active = new Local(alarms, what + (pin ? ", pinned with instance " + instance.name() + " to CPU " + cpu : " beside instance " + instance.name())
                + ", bounded by --timeout; stopped by PID and the affinity restored at rollback", () -> {
            RuntimeException first = null;
            for (AutoCloseable step : undo) {
                try {
                    step.close();
                } catch (Exception e) {
                    first = first == null ? new IllegalStateException(e) : first;
                }
            }
            if (first != null) {
                throw first;
            }
        });
        if (pin) {
            StressNg.pin(pid, cpu);
            undo.add(() -> StressNg.restore(pid, mask));
            active.event("instance " + instance.name() + " (PID " + pid + ") pinned to CPU " + cpu + " (its mask was " + mask + ")");
        }
        StressNg stress = StressNg.start(stressors, cpu, fault.duration().plusSeconds(2), log);
        undo.addFirst(stress);
        // inside the instance's own CPU share, as FIS's stress runs inside the task (where cgroups are not writable: beside it)
        CpuGroups.shared().join(instance.name(), stress.pid());
        active.event("started " + stress.commandLine() + " (PID " + stress.pid() + ")");
        active.facts.put("stress-ng", stress.commandLine());
        return active;
    }

    private List<ChaosMonkey> chaosMonkeys() {
        List<ChaosMonkey> monkeys = new ArrayList<>();
        for (ServiceInstance instance : target.instances()) {
            ChaosMonkey monkey = new ChaosMonkey(instance.url(), target.tokens().operatorToken());
            if (monkey.answers()) {
                monkeys.add(monkey);
            }
        }
        return monkeys;
    }

    private Local monkey(LocalFault fault, LocalAlarms alarms, String assault, String what) {
        List<String> names = new ArrayList<>();
        List<ChaosMonkey> monkeys = new ArrayList<>();
        for (ServiceInstance instance : target.instances()) {
            ChaosMonkey monkey = new ChaosMonkey(instance.url(), target.tokens().operatorToken());
            if (monkey.answers()) {
                monkeys.add(monkey);
                names.add(instance.name());
            }
        }
        Local active = new Local(alarms, what + " of instances " + names + " (the instances running the chaos-monkey profile; "
                + target.instances().size() + " instances in all), switched off at rollback", () -> {
            RuntimeException first = null;
            for (ChaosMonkey monkey : monkeys) {
                try {
                    monkey.calmDown();
                } catch (RuntimeException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        });
        for (ChaosMonkey monkey : monkeys) {
            monkey.attack(assault);
        }
        active.event("assault " + assault + " on " + names);
        active.facts.put("assaulted instances", String.join(", ", names));
        return active;
    }

    /** The database fault through the proxy in front of the game day's instance (while no instance runs Chaos Monkey). */
    private Local proxy(LocalFault fault, LocalAlarms alarms, boolean latency) {
        GameDayInstance instance = gameDayInstance.get();
        DatabaseProxy proxy = instance.databaseProxy();
        int from = fault.intParameter("latencyRangeStartMillis", 300);
        int to = fault.intParameter("latencyRangeEndMillis", 700);
        int every = fault.intParameter("level", 4);
        long calls = proxy.calls();
        long delayed = proxy.delayedCalls();
        long failed = proxy.failedCalls();
        String what = latency
                ? String.format("database latency of %d-%d ms on every DynamoDB call", from, to)
                : "DynamoDB's 500 InternalServerError on every " + every + "th DynamoDB call";
        Local[] holder = new Local[1];
        Local active = new Local(alarms, what + " of instance " + GameDayInstance.NAME + " (through the harness's proxy between it and the database; "
                + "no instance runs Chaos Monkey yet, so the in-app repository assault is not available; the other instances are unaffected); "
                + "passing through again at rollback", () -> {
            proxy.passThrough();
            holder[0].facts.put("DynamoDB calls of " + GameDayInstance.NAME + " during the fault", Long.toString(proxy.calls() - calls));
            holder[0].facts.put(latency ? "calls delayed" : "calls answered 500",
                    Long.toString(latency ? proxy.delayedCalls() - delayed : proxy.failedCalls() - failed));
        });
        holder[0] = active;
        if (latency) {
            proxy.latency(from, to);
        } else {
            proxy.failEvery(every);
        }
        active.event(what + " through the database proxy of " + GameDayInstance.NAME);
        active.facts.put("mechanism", "database proxy (fallback: no Chaos Monkey on any instance)");
        return active;
    }

    private Local model(LocalFault fault, LocalAlarms alarms, boolean slow) {
        GameDayInstance instance = gameDayInstance.get();
        ModelStub stub = instance.modelStub();
        long callsBefore = stub.calls();
        long slowBefore = stub.slowCalls();
        long refusedBefore = stub.refusedCalls();
        Duration delay = Duration.ofMillis(fault.intParameter("delayMillis", 4000));
        String what = slow ? "the model stub answers every Converse call after " + delay.toMillis() + " ms"
                : "the model stub refuses every Converse call with 503 ServiceUnavailableException";
        Local[] holder = new Local[1];
        Local active = new Local(alarms, what + " (instance " + GameDayInstance.NAME + " runs the Bedrock generator on it); healthy again at rollback", () -> {
            stub.healthy();
            holder[0].facts.put("model calls during the fault", Long.toString(stub.calls() - callsBefore));
            holder[0].facts.put(slow ? "model calls answered slowly" : "model calls refused",
                    Long.toString(slow ? stub.slowCalls() - slowBefore : stub.refusedCalls() - refusedBefore));
        });
        holder[0] = active;
        if (slow) {
            stub.slow(delay);
        } else {
            stub.down();
        }
        active.event(what);
        return active;
    }

    /** A local fault in progress: its alarms, its events, its undo step. */
    static final class Local implements ActiveFault {

        private final LocalAlarms alarms;
        private final String description;
        private final Runnable undo;
        private final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final Map<String, String> facts = Collections.synchronizedMap(new LinkedHashMap<>());
        private boolean rolledBack;

        Local(LocalAlarms alarms, String description, Runnable undo) {
            this.alarms = alarms;
            this.description = description;
            this.undo = undo;
            if (!alarms.notEvaluatedLocally().isEmpty()) {
                facts.put("stop conditions without a local equivalent (not evaluated)", String.join(", ", alarms.notEvaluatedLocally()));
            }
        }

        void event(String what) {
            events.add(Instant.now() + " " + what);
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public Optional<String> stopConditionHit() {
            return alarms.inAlarm();
        }

        @Override
        public synchronized void rollback() {
            if (rolledBack) {
                return;
            }
            rolledBack = true;
            try {
                undo.run();
                event("rolled back");
            } finally {
                FaultSafety.rolledBack(this);
            }
        }

        @Override
        public List<String> events() {
            return List.copyOf(events);
        }

        @Override
        public Map<String, String> facts() {
            return Map.copyOf(facts);
        }
    }
}
