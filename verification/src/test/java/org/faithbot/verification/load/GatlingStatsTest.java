package org.faithbot.verification.load;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The figures are read from the statistics table of Gatling 3.15.1's HTML report, by column header. */
class GatlingStatsTest {

    private static String fixture() throws IOException {
        try (InputStream in = GatlingStatsTest.class.getResourceAsStream("/load/gatling-3.15.1-statistics.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheGlobalRowAndEveryRequestByName() throws IOException {
        GatlingStats stats = GatlingStats.parse(fixture());

        assertThat(stats.requestNames()).containsExactly("chat message", "export my data", "erase my account");
        GatlingStats.RequestStats all = stats.global();
        assertThat(all.total()).isEqualTo(3844);
        assertThat(all.ok()).isEqualTo(596);
        assertThat(all.ko()).isEqualTo(3248);
        assertThat(all.perSecond()).isEqualTo(59.14);
        assertThat(all.p95()).isEqualTo(7023);
        assertThat(all.errorPercent()).isCloseTo(84.495, within(0.001));

        GatlingStats.RequestStats chat = stats.request("chat message").orElseThrow();
        assertThat(chat.total()).isEqualTo(3471);
        assertThat(chat.p50()).isEqualTo(1113);
        assertThat(chat.p95()).isEqualTo(6762);
        assertThat(chat.p99()).isEqualTo(8527);
        assertThat(chat.max()).isEqualTo(8922);
    }

    @Test
    void refusesAPageWithoutTheStatisticsTable() {
        assertThatThrownBy(() -> GatlingStats.parse("<html><body>no table</body></html>"))
                .hasMessageContaining("no statistics table");
    }
}
