package org.faithbot.verification.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every alarm of the Terraform ({@code alarm_name = "${var.name}-<key>"}, a per-table alarm's key ending in
 * {@code <table>}) has a row in the playbook's alarm table whose links all resolve; the playbook states severity
 * levels, roles, an escalation path, the 15-minute response target and the 1-hour security target.
 */
public final class AlarmPlaybookCheck {

    public static final Path ALARMS = Path.of("terraform/modules/monitoring/alarms.tf");
    public static final Path PLAYBOOK = Path.of("docs/runbooks/incident-response.md");

    private static final Pattern ALARM_NAME = Pattern.compile("alarm_name\\s*=\\s*\"\\$\\{var\\.name}-([^\"]+)\"");

    /** What a playbook must state, and a pattern that finds it. */
    static final List<String[]> ELEMENTS = List.of(
            new String[] {"severity levels", "(?m)^## Severity"},
            new String[] {"roles", "(?m)^## Roles"},
            new String[] {"escalation path", "(?m)^## Escalation path"},
            new String[] {"15-minute response target", "\\*\\*15 minutes\\*\\*"},
            new String[] {"1-hour security detection and response target", "\\*\\*1 hour\\*\\*"});

    public record Result(List<String> alarms, int linked, List<String> elementsMissing, List<String> problems) {
        public boolean passed() {
            return problems.isEmpty() && elementsMissing.isEmpty();
        }
    }

    private AlarmPlaybookCheck() {
    }

    public static Set<String> alarmKeys(String terraform) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = ALARM_NAME.matcher(terraform);
        while (m.find()) {
            keys.add(m.group(1).replace("${each.key}", "<table>"));
        }
        return keys;
    }

    public static Result check(Path root) {
        String terraform = read(root.resolve(ALARMS));
        Path playbookPath = root.resolve(PLAYBOOK);
        MarkdownDocument playbook = MarkdownDocument.read(playbookPath);
        List<String> alarms = new ArrayList<>(alarmKeys(terraform));
        List<String> problems = new ArrayList<>();
        int linked = 0;
        for (String alarm : alarms) {
            String row = playbook.text().lines().filter(l -> l.startsWith("| `" + alarm + "`")).findFirst().orElse(null);
            if (row == null) {
                problems.add("alarm " + alarm + " has no row in " + PLAYBOOK);
                continue;
            }
            MarkdownDocument rowDoc = new MarkdownDocument(playbookPath, row);
            List<String> links = rowDoc.relativeLinks();
            if (links.isEmpty()) {
                problems.add("alarm " + alarm + " links to no playbook section");
                continue;
            }
            boolean ok = true;
            for (String link : links) {
                String problem = LinkCheck.problem(root, playbookPath, link);
                if (problem != null) {
                    problems.add("alarm " + alarm + " links to " + link + ": " + problem);
                    ok = false;
                }
            }
            if (ok) {
                linked++;
            }
        }
        if (alarms.isEmpty()) {
            problems.add("no alarm found in " + ALARMS);
        }
        List<String> missing = new ArrayList<>();
        for (String[] element : ELEMENTS) {
            if (!Pattern.compile(element[1]).matcher(playbook.text()).find()) {
                missing.add(element[0].toLowerCase(Locale.ROOT));
            }
        }
        return new Result(alarms, linked, missing, problems);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
