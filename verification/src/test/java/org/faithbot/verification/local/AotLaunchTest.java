package org.faithbot.verification.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A jar the AOT cache cannot be made for still starts, from the plain jar, and leaves no training folder behind. */
class AotLaunchTest {

    @Test
    void aJarThatCannotBeExtractedStartsPlain(@TempDir Path directory) throws Exception {
        Path jar = Files.writeString(directory.resolve("not-a-boot.jar"), "not a jar");
        String java = ProcessHandle.current().info().command().orElse("java");

        List<String> arguments = AotLaunch.arguments(jar, java, List.of("-Xmx64m"), List.of(), new ProcessRegistry(directory.resolve("pids")));

        assertThat(arguments).containsExactly("-jar", jar.toAbsolutePath().normalize().toString());
        try (var left = Files.list(directory.resolve("aot-cache"))) {
            assertThat(left).isEmpty();
        }
    }
}
