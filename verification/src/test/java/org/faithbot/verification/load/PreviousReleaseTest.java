package org.faithbot.verification.load;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which commit is the previous release, on a git repository made for the test. */
class PreviousReleaseTest {

    @TempDir
    Path repository;

    @AfterEach
    void clearProperty() {
        System.clearProperty(PreviousRelease.PROPERTY);
    }

    @Test
    void withoutATagItIsTheServiceBeforeItsLastChange() throws Exception {
        git("init", "-q");
        String first = commit("service/a.txt", "1");
        String second = commit("service/a.txt", "2");
        commit("docs/readme.txt", "docs only");
        PreviousRelease.Choice choice = PreviousRelease.choose(repository);
        assertThat(choice.commit()).isEqualTo(first).isNotEqualTo(second);
        assertThat(choice.because()).contains("before its last change");
    }

    @Test
    void theNewestReleaseTagThatIsNotHeadWins() throws Exception {
        git("init", "-q");
        String v1 = commit("service/a.txt", "1");
        git("tag", "v1.0.0");
        String v2 = commit("service/a.txt", "2");
        git("tag", "v1.10.0");
        commit("service/a.txt", "3");
        assertThat(PreviousRelease.choose(repository).commit()).isEqualTo(v2);
        git("tag", "v1.11.0");
        assertThat(PreviousRelease.choose(repository).commit()).as("HEAD's own tag is not its previous release").isEqualTo(v2);
        assertThat(v1).isNotEqualTo(v2);
    }

    @Test
    void anUncommittedChangeToTheServiceMakesHeadThePreviousRelease() throws Exception {
        git("init", "-q");
        commit("service/a.txt", "1");
        String head = commit("service/a.txt", "2");
        Files.writeString(repository.resolve("service/a.txt"), "being changed");
        assertThat(PreviousRelease.choose(repository).commit()).isEqualTo(head);
    }

    @Test
    void aNamedReleaseIsTakenAsGivenAndAnUnknownOneRefused() throws Exception {
        git("init", "-q");
        String first = commit("service/a.txt", "1");
        commit("service/a.txt", "2");
        System.setProperty(PreviousRelease.PROPERTY, first.substring(0, 8));
        assertThat(PreviousRelease.choose(repository).commit()).isEqualTo(first);
        System.setProperty(PreviousRelease.PROPERTY, "no-such-ref");
        assertThatThrownBy(() -> PreviousRelease.choose(repository)).isInstanceOf(PreviousRelease.Unavailable.class).hasMessageContaining("no-such-ref");
    }

    @Test
    void noHistoryNoPreviousRelease() throws Exception {
        assertThatThrownBy(() -> PreviousRelease.choose(repository)).isInstanceOf(PreviousRelease.Unavailable.class);
        git("init", "-q");
        commit("service/a.txt", "the first and only");
        assertThatThrownBy(() -> PreviousRelease.choose(repository)).isInstanceOf(PreviousRelease.Unavailable.class)
                .hasMessageContaining("not in this clone");
    }

    private String commit(String file, String content) throws Exception {
        Path path = repository.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        git("add", "-A");
        git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", content);
        return git("rev-parse", "HEAD");
    }

    private String git(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process git = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes()).trim();
        assertThat(git.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(git.exitValue()).as("git %s: %s", command, out).isZero();
        return out;
    }
}
