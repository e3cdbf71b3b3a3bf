package org.faithbot.verification.load;

import org.faithbot.verification.local.LocalTarget;
import org.faithbot.verification.local.ServiceInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The service benchmark (bin/benchmark): the chat benchmark (clients sending chat messages back to back, judged over
 * its last {@code hold} after a warm-up), with a CPU profile of every instance over the judged part (Java Flight
 * Recorder), then the same clients on the liveness probe, the ceiling of this stack on this machine; the figures side
 * by side, and where the instances' CPU went. Written to {@code reports/benchmark/summary.txt} beside the recordings.
 */
public final class ServiceBenchmark {

    private static final Duration CEILING_WARM_UP = Duration.ofSeconds(30);

    private final LocalTarget target;
    private final Path projectRoot;
    private final Path folder;

    public ServiceBenchmark(LocalTarget target, Path projectRoot) {
        this.target = target;
        this.projectRoot = projectRoot;
        this.folder = projectRoot.resolve("reports/benchmark");
    }

    /** Runs both loads; true when the chat benchmark's assertions held (0 errors, p95 < 300 ms). */
    public boolean run(int clients, Duration hold, Duration warmUp) {
        List<CpuProfile> profiles = new ArrayList<>();
        MeasuredLoad chat = new SharedLoads(target, projectRoot).fresh(features -> LoadPlan.chatBenchmark(clients, hold, warmUp), () -> {
            for (ServiceInstance instance : target.instances()) {
                profiles.add(CpuProfile.start(instance.process().pid(), warmUp.plusSeconds(5), hold.minusSeconds(10),
                        folder.resolve(instance.name() + "-cpu.jfr")));
            }
        });
        MeasuredLoad ceiling = SharedLoads.once(target, projectRoot, features -> LoadPlan.ceilingBenchmark(clients, hold, CEILING_WARM_UP));
        StringBuilder report = new StringBuilder();
        report.append(line("chat benchmark", chat.run(), Journeys.CHAT_MESSAGE, hold));
        report.append(line("ceiling (liveness probe)", ceiling.run(), ChatBenchmarkSimulation.CEILING_REQUEST, hold));
        report.append("chat: ").append(chat.conditions()).append('\n');
        report.append("ceiling: ").append(ceiling.conditions()).append('\n');
        chat.run().targetProcessCosts().forEach((name, cost) -> report.append("under chat, ").append(name).append(": ").append(cost.describe()).append('\n'));
        report.append("injector under chat: ").append(chat.run().injectorCost().describe()).append('\n');
        report.append(chat.run().hostSpeed().describe()).append("\n\n");
        for (CpuProfile profile : profiles) {
            report.append("CPU profile, ").append(profile.file().getFileName()).append(":\n").append(profile.summary(15)).append('\n');
        }
        write(report.toString());
        System.out.println(report);
        return chat.run().exitCode() == 0;
    }

    private static String line(String what, LoadRun run, String request, Duration hold) {
        return run.stats().request(request)
                .map(judged -> String.format("%-26s %,8d requests in %d s: %,6.0f /s, %d failed, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms%n", what,
                        judged.total(), hold.toSeconds(), judged.total() / (double) hold.toSeconds(), judged.ko(), judged.p50(), judged.p95(),
                        judged.p99()))
                .orElse(what + ": no '" + request + "' request in the report\n");
    }

    private void write(String report) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("summary.txt"), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
