package org.faithbot.verification.chaos;

import org.faithbot.verification.settings.Settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code bin/staging-dry-run}: prints what the staging game day would do and cost (see {@link GameDayDryRun}), calling
 * nothing, and writes it to reports/chaos/game-day-dry-run.txt. Settings: {@code staging.name-prefix} (or
 * STAGING_NAME_PREFIX; chatbot-staging, the staging environment's), {@code staging.region}, {@code chaos.experiment},
 * {@code chaos.fis.poll-seconds} (5), {@code chaos.alarm-history.poll-seconds} (15), {@code staging.price.fis-action-minute}
 * (0.10), {@code staging.price.cloudwatch-1000-requests} (0.01).
 */
public final class DryRunCli {

    private DryRunCli() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
        GameDayDryRun dryRun = new GameDayDryRun(Settings.setting("staging.name-prefix", "STAGING_NAME_PREFIX", "chatbot-staging"),
                Settings.stagingRegion(), Duration.ofSeconds(Long.getLong("chaos.fis.poll-seconds", 5)),
                Duration.ofSeconds(Long.getLong("chaos.alarm-history.poll-seconds", 15)),
                Double.parseDouble(System.getProperty("staging.price.fis-action-minute", "0.10")),
                Double.parseDouble(System.getProperty("staging.price.cloudwatch-1000-requests", "0.01")));
        String text = dryRun.describe(dryRun.plan(ExperimentCatalogue.load(root.resolve("chaos-experiments")), GameDay::selected));
        System.out.print(text);
        Path report = root.resolve("reports/chaos/game-day-dry-run.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, text);
        System.out.println("(written to " + root.relativize(report) + ")");
    }
}
