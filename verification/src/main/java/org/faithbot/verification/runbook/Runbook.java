package org.faithbot.verification.runbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A runbook in Markdown and the commands of its fenced shell blocks (```bash, ```sh, ```shell,
 * ```console). Blank lines and comments are not commands; a line ending in a backslash continues on
 * the next; a leading "$ " prompt is dropped. Blocks of other languages (yaml, json) are data.
 */
public record Runbook(String name, String text, List<RunbookCommand> commands) {

    private static final Set<String> SHELL_BLOCKS = Set.of("bash", "sh", "shell", "console");

    public static Runbook read(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the runbook " + file, e);
        }
    }

    /**
     * The part of the runbook under the heading {@code title} (any level), up to the next heading of
     * the same or a higher level: its commands are the ones a drill of that procedure must run.
     */
    public Runbook section(String title) {
        String[] lines = text.split("\\R", -1);
        int start = -1;
        int level = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hashes = line.length() - line.replaceFirst("^#+", "").length();
            if (start < 0 && hashes > 0 && line.substring(hashes).trim().equals(title)) {
                start = i;
                level = hashes;
            } else if (start >= 0 && hashes > 0 && hashes <= level && line.charAt(hashes) == ' ') {
                return parse(name + " § " + title, String.join("\n", java.util.Arrays.copyOfRange(lines, start, i)));
            }
        }
        if (start < 0) {
            throw new IllegalStateException(name + " has no section '" + title + "'");
        }
        return parse(name + " § " + title, String.join("\n", java.util.Arrays.copyOfRange(lines, start, lines.length)));
    }

    static Runbook parse(String name, String markdown) {
        List<RunbookCommand> commands = new ArrayList<>();
        String[] lines = markdown.split("\\R", -1);
        boolean inShell = false;
        boolean inOther = false;
        StringBuilder pending = null;
        int pendingLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.trim();
            if (trimmed.startsWith("```")) {
                if (inShell || inOther) {
                    inShell = false;
                    inOther = false;
                } else {
                    inShell = SHELL_BLOCKS.contains(trimmed.substring(3).trim().toLowerCase());
                    inOther = !inShell;
                }
                continue;
            }
            if (!inShell) {
                continue;
            }
            if (pending == null) {
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                pending = new StringBuilder();
                pendingLine = i + 1;
                trimmed = trimmed.startsWith("$ ") ? trimmed.substring(2) : trimmed;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String text = pending.toString().trim();
            commands.add(new RunbookCommand(name, pendingLine, text, words(text)));
            pending = null;
        }
        return new Runbook(name, markdown, List.copyOf(commands));
    }

    /** Shell words: whitespace separates, single and double quotes group (and are dropped). */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
