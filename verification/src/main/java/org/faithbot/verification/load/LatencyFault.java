package org.faithbot.verification.load;

import org.faithbot.verification.http.ChaosMonkey;
import org.faithbot.verification.local.LocalTarget;
import org.faithbot.verification.local.ProcessFreeze;
import org.faithbot.verification.local.ServiceInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A latency fault on the local target, injected while a load runs, always undone (close()):
 * <ul>
 *   <li>when the service has Chaos Monkey (profile chaos-monkey, operator token): a latency assault
 *       on the repository layer of every instance, for the whole load;</li>
 *   <li>otherwise a real local fault: every instance stalls (SIGSTOP, later SIGCONT) while the
 *       balancer's health checks on them are switched off, so they keep receiving requests that wait
 *       for them, as instances stuck in a long GC pause or starved of CPU would make them wait.
 *       Every instance, not one: the balancer gives a server at most
 *       {@link org.faithbot.verification.local.Haproxy#MAX_REQUESTS_PER_SERVER} requests at once and
 *       sends the rest to a server with room, so one frozen instance delays only that handful.</li>
 * </ul>
 */
public final class LatencyFault implements AutoCloseable {

    private final String description;
    private final List<Runnable> undo = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("latency-fault").unstarted(r));

    private LatencyFault(String description) {
        this.description = description;
    }

    /**
     * Injects the fault: Chaos Monkey's latency assault of {@code repositoryLatency} per repository call
     * when every instance has it; otherwise every instance stalls for {@code stall}, starting
     * {@code after} from now.
     */
    public static LatencyFault inject(LocalTarget target, Duration after, Duration stall, Duration repositoryLatency) {
        if (monkeys(target).stream().allMatch(ChaosMonkey::answers)) {
            return chaosMonkey(target, repositoryLatency);
        }
        return stall(target, after, stall);
    }

    /** Every instance stops (SIGSTOP) after {@code after}, unnoticed by the balancer, and resumes {@code stall} later. */
    public static LatencyFault stall(LocalTarget target, Duration after, Duration stall) {
        List<ServiceInstance> instances = List.copyOf(target.instances());
        List<String> names = instances.stream().map(ServiceInstance::name).toList();
        LatencyFault fault = new LatencyFault(String.format("instances %s stall (SIGSTOP) for %d s, %d s into the load, with the balancer's health checks on them off",
                names, stall.toSeconds(), after.toSeconds()));
        ProcessFreeze freeze = new ProcessFreeze();
        // every instance resumes before the balancer is asked anything: a runtime-API command that
        // fails must not leave the instances after it frozen
        Runnable resume = () -> {
            freeze.close();
            instances.forEach(instance -> target.balancer().command("enable health chatbot/" + instance.name()));
        };
        fault.undo.add(resume);
        fault.scheduler.schedule(() -> {
            for (ServiceInstance instance : instances) {
                target.balancer().command("disable health chatbot/" + instance.name());
                freeze.freeze(instance.process());
            }
            System.out.printf("[fault] %s stopped (SIGSTOP)%n", names);
        }, after.toMillis(), TimeUnit.MILLISECONDS);
        fault.scheduler.schedule(() -> {
            resume.run();
            System.out.printf("[fault] %s resumed (SIGCONT)%n", names);
        }, after.plus(stall).toMillis(), TimeUnit.MILLISECONDS);
        return fault;
    }

    /** Chaos Monkey's latency assault on every repository call of every instance, until closed. */
    public static LatencyFault chaosMonkey(LocalTarget target, Duration latency) {
        LatencyFault fault = new LatencyFault("Chaos Monkey latency assault: " + latency.toMillis() + " ms on every repository call of every instance");
        String assault = ChaosMonkey.latencyAssault(1, (int) latency.toMillis(), (int) latency.toMillis());
        for (ChaosMonkey monkey : monkeys(target)) {
            fault.undo.add(monkey::calmDown);
            monkey.attack(assault);
        }
        return fault;
    }

    private static List<ChaosMonkey> monkeys(LocalTarget target) {
        return target.instances().stream().map(i -> new ChaosMonkey(i.url(), target.tokens().operatorToken())).toList();
    }

    public String describe() {
        return description;
    }

    /** Undoes the fault, whatever state it is in; safe to call twice. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RuntimeException first = null;
        for (Runnable step : undo) {
            try {
                step.run();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        undo.clear();
        if (first != null) {
            throw first;
        }
    }
}
