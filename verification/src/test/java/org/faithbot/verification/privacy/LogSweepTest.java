package org.faithbot.verification.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LogSweepTest {

    private static final String ACCESS = """
            {"@timestamp":"2026-11-25T01:09:33Z","log":{"level":"INFO","logger":"org.faithbot.chatbot.access"},"message":"POST /api/v1/chat 200 12ms","requestId":"r-1"}
            {"@timestamp":"2026-11-25T01:09:34Z","log":{"level":"INFO","logger":"org.faithbot.chatbot.access"},"message":"GET /api/v1/me/export 200 4ms","requestId":"r-2"}
            OpenJDK 64-Bit Server VM warning: r-3 is not a log event
            """;

    @Test
    void findsEachRequestByItsIdMethodAndPathInTheLogOfItsInstance(@TempDir Path dir) throws IOException {
        LogSweep logs = LogSweep.read(Map.of("s1", write(dir, "s1.log", ACCESS), "s2", write(dir, "s2.log", "")));
        assertThat(logs.logged("s1", "r-1", "POST", "/api/v1/chat")).isTrue();
        assertThat(logs.logged("s1", "r-2", "GET", "/api/v1/me/export")).isTrue();
        assertThat(logs.logged("s1", "r-2", "DELETE", "/api/v1/me")).as("another method").isFalse();
        assertThat(logs.logged("s2", "r-1", "POST", "/api/v1/chat")).as("another instance").isFalse();
        assertThat(logs.logged("s1", "r-3", "GET", "/")).as("a line that is no log event").isFalse();
    }

    @Test
    void reportsEveryLineHoldingAFragmentOfTheUser(@TempDir Path dir) throws IOException {
        String leaky = ACCESS + "{\"message\":\"chat from Grace.ab12@Example.org failed\",\"requestId\":\"r-4\"}\n";
        LogSweep.Result result = LogSweep.read(Map.of("s1", write(dir, "s1.log", leaky)))
                .traces(Set.of("grace.ab12@example.org", "user-42"));
        assertThat(result.traces()).containsExactly(new LogSweep.LogTrace("s1", 4, "grace.ab12@example.org"));
        assertThat(result.lines()).isEqualTo(4);
    }

    private static Path write(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
