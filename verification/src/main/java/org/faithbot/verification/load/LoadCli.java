package org.faithbot.verification.load;

import org.faithbot.verification.local.LocalTarget;
import org.faithbot.verification.target.Targets;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Runs one load outside the specs, against a local target it starts (and stops, by PID) itself:
 * <pre>
 *   benchmark [clients=200] [seconds=60] [warm-up-s=120]
 *                                             the chat benchmark (bin/benchmark): the same load first
 *                                             for warm-up-s in the same injector, reported but not
 *                                             judged; the instances' CPU profiled over the judged part;
 *                                             then the ceiling, the same clients on the liveness probe
 *                                             ({@link ServiceBenchmark})
 *   users N [ramp-s=10] [hold-s=40]           N concurrent users on the weighted mix
 *   rates R1,R2,... [level-s=10]              open-model ladder of arrival rates
 * </pre>
 * Exits 0 when the simulation's assertions held, 1 otherwise.
 */
public final class LoadCli {

    private LoadCli() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: LoadCli benchmark [clients] [seconds] | users N [ramp] [hold] | rates R1,R2 [level]");
            System.exit(64);
        }
        if (args[0].equals("benchmark")) {
            // a fresh JVM answers a chat turn at a third of the rate it reaches once its JIT has compiled
            // the hot paths (194 turns/s over the first 40 s, 574/s on average over 120 s): the benchmark
            // measures the service warm, as a production instance serves
            LocalTarget target = LocalTarget.start(Targets.projectRoot(), List.of("s1", "s2"));
            boolean held;
            try {
                held = new ServiceBenchmark(target, Targets.projectRoot()).run(intArg(args, 1, 200), Duration.ofSeconds(intArg(args, 2, 60)),
                        Duration.ofSeconds(intArg(args, 3, 120)));
            } finally {
                target.stop();
            }
            System.exit(held ? 0 : 1);
        }
        Function<ServiceFeatures, LoadPlan> plan = switch (args[0]) {
            case "users" -> features -> LoadPlan.concurrentUsers(intArg(args, 1, 1000), Duration.ofSeconds(intArg(args, 2, 10)),
                    Duration.ofSeconds(intArg(args, 3, 40)), features.available());
            case "rates" -> features -> LoadPlan.arrivalRates("rates", Arrays.stream(args[1].split(",")).map(Double::parseDouble).toList(),
                    Duration.ofSeconds(5), Duration.ofSeconds(intArg(args, 2, 10)), features.available());
            default -> throw new IllegalArgumentException("unknown load " + args[0]);
        };
        LocalTarget target = LocalTarget.start(Targets.projectRoot(), List.of("s1", "s2"));
        int status;
        try {
            MeasuredLoad measured = SharedLoads.once(target, Targets.projectRoot(), plan);
            LoadRun run = measured.run();
            System.out.println(measured.features().describe());
            System.out.println(run.stats().summary());
            run.stats().requests().values().forEach(r -> System.out.printf("  %-32s %6d requests %5d KO  p50 %5.0f  p95 %5.0f  p99 %5.0f  max %5.0f ms%n",
                    r.name(), r.total(), r.ko(), r.p50(), r.p95(), r.p99(), r.max()));
            System.out.println("injector: " + run.injectorCost().describe());
            run.targetProcessCosts().forEach((name, cost) -> System.out.println(name + ": " + cost.describe()));
            System.out.println(run.hostSpeed().describe());
            System.out.println("telemetry: " + run.telemetry());
            status = run.exitCode() == 0 ? 0 : 1;
        } finally {
            target.stop();
        }
        System.exit(status);
    }

    private static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
