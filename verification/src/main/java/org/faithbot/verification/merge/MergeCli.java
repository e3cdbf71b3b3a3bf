package org.faithbot.verification.merge;

import org.faithbot.verification.catalogue.CriteriaCatalogue;
import org.faithbot.verification.catalogue.FeatureIndex;
import org.faithbot.verification.page.PageFolder;
import org.faithbot.verification.report.LaunchSummary;
import org.faithbot.verification.report.RunCommit;
import org.faithbot.verification.signoff.LaunchLedger;
import org.faithbot.verification.target.Targets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bin/launch-readiness --merge [--out DIR] [--release-commit SHA] [--at INSTANT] RUN_FOLDER...}: merges the
 * evidence folders of several runs with the sign-off ledger and the waivers (launch/) into the launch verdict, writes
 * summary.json, summary.txt and the stakeholders' page (index.html) into the output folder (default
 * reports/launch-readiness/merged) and prints the summary. Exit 0 on GO (with or without waivers), 1 on NO-GO,
 * 2 when the arguments or a folder cannot be read.
 */
public final class MergeCli {

    private MergeCli() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            System.err.println("launch-readiness --merge: " + e.getMessage());
            System.exit(2);
        }
    }

    static int run(String[] args) {
        Path root = Targets.projectRoot();
        Path out = root.resolve("reports/launch-readiness/merged");
        String releaseCommit = null;
        Instant at = Instant.now();
        List<Path> folders = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--release-commit" -> releaseCommit = value(args, ++i, "--release-commit");
                case "--at" -> at = Instant.parse(value(args, ++i, "--at"));
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + args[i] + usage());
                    }
                    folders.add(Path.of(args[i]));
                }
            }
        }
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("no evidence folder given" + usage());
        }
        if (releaseCommit == null) {
            releaseCommit = RunCommit.of(root);
            if (releaseCommit.equals(RunCommit.UNKNOWN)) {
                throw new IllegalStateException("cannot read the release commit (git rev-parse HEAD): give --release-commit SHA");
            }
        }
        LaunchSummary merged = merge(root, folders, releaseCommit, at);
        write(out, merged);
        System.out.println(merged.render());
        System.out.println("Launch-readiness page: " + out.resolve("index.html"));
        return merged.gate().open() ? 0 : 1;
    }

    public static LaunchSummary merge(Path root, List<Path> folders, String releaseCommit, Instant at) {
        CriteriaCatalogue catalogue = CriteriaCatalogue.load();
        List<RunFolder> runs = folders.stream().map(RunFolder::read).toList();
        return EvidenceMerge.merge(runs, catalogue, FeatureIndex.of(root.resolve("features")), LaunchLedger.of(root, catalogue, at),
                releaseCommit, at);
    }

    public static void write(Path out, LaunchSummary merged) {
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("summary.json"), merged.json());
            Files.writeString(out.resolve("summary.txt"), merged.render());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + out, e);
        }
        PageFolder.write(out, out.resolve(PageFolder.HISTORY), false);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value" + usage());
        }
        return args[i];
    }

    private static String usage() {
        return "\nusage: bin/launch-readiness --merge [--out DIR] [--release-commit SHA] [--at 2026-12-05T10:00:00Z] RUN_FOLDER...";
    }
}
