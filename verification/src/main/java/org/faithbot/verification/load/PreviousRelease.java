package org.faithbot.verification.load;

import org.faithbot.verification.files.DirectoryTree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The previous release of the service, which AC-3.6 measures this release against, side by side: chosen from the
 * project's git history and built once, its jar cached under the project ({@value #CACHE}/&lt;commit&gt;/).
 * <p>
 * Which commit: {@code -Dperformance.previous-release=<ref>} when given; else the newest release tag ({@code v*})
 * merged into HEAD that is not HEAD's own commit; else the service as it was before its last change: HEAD when the
 * working tree changes the service (uncommitted), otherwise the parent of the last commit that changed
 * {@code service/}. The build is the service module alone from {@code git archive} of that commit (tests not
 * compiled), offline first and online if the offline build fails (a dependency the local repository lacks).
 *
 * @param commit        the previous release's commit
 * @param chosenBecause the rule that chose it, in words
 * @param jar           its service jar
 * @param buildTime     how long its build took (zero when the jar came from the cache)
 */
public record PreviousRelease(String commit, String chosenBecause, Path jar, Duration buildTime) {

    public static final String CACHE = ".cache/previous-release";
    public static final String PROPERTY = "performance.previous-release";
    private static final Duration GIT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(8);

    /** No previous release can be named or built here (no git history, a shallow clone, a failed build). */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }

    /** The previous release's jar, from the cache or built now. */
    public static PreviousRelease built(Path projectRoot) {
        Choice choice = choose(projectRoot);
        Path directory = projectRoot.resolve(CACHE).resolve(choice.commit());
        Path jar = directory.resolve("chatbot-service.jar");
        if (Files.isRegularFile(jar)) {
            return new PreviousRelease(choice.commit(), choice.because(), jar, Duration.ZERO);
        }
        long started = System.nanoTime();
        build(projectRoot, choice.commit(), directory, jar);
        return new PreviousRelease(choice.commit(), choice.because(), jar, Duration.ofNanos(System.nanoTime() - started));
    }

    public String shortCommit() {
        return commit.substring(0, Math.min(10, commit.length()));
    }

    public String describe() {
        return "the previous release: commit " + shortCommit() + " (" + chosenBecause + "); jar " + jar
                + (buildTime.isZero() ? " (cached)" : String.format(" (built in %.0f s)", buildTime.toMillis() / 1000.0));
    }

    record Choice(String commit, String because) {
    }

    /** Which commit is the previous release (see the class comment). */
    static Choice choose(Path projectRoot) {
        String head = git(projectRoot, "rev-parse", "--verify", "HEAD^{commit}")
                .orElseThrow(() -> new Unavailable("the project at " + projectRoot + " is not a git checkout with a commit: no previous release to build"));
        String given = System.getProperty(PROPERTY, "").trim();
        if (!given.isEmpty()) {
            String commit = git(projectRoot, "rev-parse", "--verify", given + "^{commit}")
                    .orElseThrow(() -> new Unavailable("-D" + PROPERTY + "=" + given + " names no commit of this clone"));
            return new Choice(commit, "-D" + PROPERTY + "=" + given);
        }
        for (String tag : git(projectRoot, "tag", "--list", "v*", "--merged", "HEAD", "--sort=-v:refname").orElse("").lines().toList()) {
            Optional<String> commit = git(projectRoot, "rev-parse", "--verify", tag.trim() + "^{commit}");
            if (commit.isPresent() && !commit.get().equals(head)) {
                return new Choice(commit.get(), "the newest release tag before HEAD, " + tag.trim());
            }
        }
        if (!git(projectRoot, "status", "--porcelain", "--", "service").orElse("").isBlank()) {
            return new Choice(head, "no release tag; the working tree changes the service, so HEAD is the previous release");
        }
        String lastChange = git(projectRoot, "log", "-1", "--format=%H", "HEAD", "--", "service").filter(s -> !s.isBlank())
                .orElseThrow(() -> new Unavailable("no commit of this clone changed service/: no previous release"));
        String parent = git(projectRoot, "rev-parse", "--verify", lastChange + "^1^{commit}")
                .orElseThrow(() -> new Unavailable("the parent of " + lastChange + " (the last change to service/) is not in this clone"
                        + " (a shallow clone?): fetch more history, or name the previous release with -D" + PROPERTY));
        return new Choice(parent, "no release tag; the service before its last change (" + lastChange.substring(0, 10) + ")");
    }

    private static void build(Path projectRoot, String commit, Path directory, Path jar) {
        Path sources = directory.resolve("src");
        Path archive = directory.resolve("src.tar");
        Path log = directory.resolve("build.log");
        try {
            DirectoryTree.delete(sources);
            Files.createDirectories(sources);
            run(projectRoot, log, List.of("git", "archive", "--format=tar", "-o", archive.toString(), commit, "pom.xml", "service"), GIT_TIMEOUT);
            run(projectRoot, log, List.of("tar", "-xf", archive.toString(), "-C", sources.toString()), GIT_TIMEOUT);
            List<String> maven = new ArrayList<>(List.of("mvn", "-B", "-ntp", "-q", "-f", sources.resolve("service/pom.xml").toString(),
                    "package", "-Dmaven.test.skip=true"));
            if (!attempt(projectRoot, log, withOffline(maven))) {
                run(projectRoot, log, maven, BUILD_TIMEOUT);
            }
            Path built = sources.resolve("service/target/chatbot-service.jar");
            if (!Files.isRegularFile(built)) {
                throw new Unavailable("the build of " + commit + " made no service/target/chatbot-service.jar; log: " + log);
            }
            Path partial = directory.resolve("chatbot-service.jar.partial");
            Files.copy(built, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            DirectoryTree.delete(sources);
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the previous release " + commit + " under " + directory, e);
        }
    }

    private static List<String> withOffline(List<String> maven) {
        List<String> offline = new ArrayList<>(maven);
        offline.add(1, "-o");
        return offline;
    }

    private static boolean attempt(Path directory, Path log, List<String> command) {
        try {
            run(directory, log, command, BUILD_TIMEOUT);
            return true;
        } catch (Unavailable e) {
            return false;
        }
    }

    private static void run(Path directory, Path log, List<String> command, Duration timeout) {
        try {
            Files.writeString(log, "$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new Unavailable(command.getFirst() + " did not end within " + timeout + "; log: " + log);
            }
            if (process.exitValue() != 0) {
                throw new Unavailable(String.join(" ", command) + " exited " + process.exitValue() + "; log: " + log);
            }
        } catch (IOException e) {
            throw new Unavailable("cannot run " + command.getFirst() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while running " + command.getFirst());
        }
    }

    /** A git command's trimmed output, or empty when it fails. */
    private static Optional<String> git(Path projectRoot, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        try {
            Process git = new ProcessBuilder(command).directory(projectRoot.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            git.getOutputStream().close();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!git.waitFor(GIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                git.destroyForcibly();
                return Optional.empty();
            }
            return git.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
