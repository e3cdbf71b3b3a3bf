package org.faithbot.verification.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.faithbot.verification.merge.MergeFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The page's structure, from its HTML (the rendered-page spec reads it back in a browser). */
class ReadinessPageTest {

    @TempDir
    Path dir;

    @Test
    void theVerdictComesFirstThenOneCellPerCriterionWithItsStatus() throws IOException {
        JsonNode summary = new ObjectMapper().readTree(new MergeFixtures(dir).goWithWaivers().json());
        Document page = Jsoup.parse(ReadinessPage.render(summary, StatusHistory.empty(), new ReadinessPage.Links(null, "summary.json", null, null)));
        Element first = page.body().select("h1, h2, h3, a.cell").first();
        assertThat(first.id()).isEqualTo("verdict");
        assertThat(first.text()).isEqualTo("GO with waivers");
        assertThat(page.select("a.cell")).hasSize(summary.path("criteria").size());
        for (JsonNode c : summary.path("criteria")) {
            Element cell = page.getElementById("cell-" + c.path("id").asText());
            assertThat(cell.attr("data-status")).isEqualTo(c.path("status").asText());
            assertThat(cell.attr("href")).isEqualTo("#" + c.path("id").asText());
            assertThat(page.getElementById(c.path("id").asText())).as("the criterion's evidence section").isNotNull();
        }
        assertThat(page.getElementById("waivers").text()).contains("Jane Doe (SRE lead)");
        assertThat(page.select("#link-allure")).as("a merge links no Allure report of its own").isEmpty();
    }

    @Test
    void historyTellsTheFirstFailureAndTheFlappingCriteria() throws IOException {
        Path file = dir.resolve("history.jsonl");
        ObjectMapper json = new ObjectMapper();
        StatusHistory history = StatusHistory.empty();
        String[] statuses = {"PASSED", "FAILED", "PASSED", "FAILED", "PASSED"};
        for (int i = 0; i < statuses.length; i++) {
            history = history.with(json.readTree("""
                    {"generatedAt": "2026-12-0%dT10:00:00Z", "commit": "c%d", "target": "local", "verdict": "NOT READY",
                     "criteria": [{"id": "AC-1.4", "status": "%s"}, {"id": "AC-2.1", "status": "PASSED"}]}
                    """.formatted(i + 1, i, statuses[i])));
        }
        history.write(file);
        Files.writeString(file, Files.readString(file) + "{torn line\\n");
        StatusHistory read = StatusHistory.read(file);
        assertThat(read.runs()).hasSize(5);
        assertThat(read.flapping("AC-1.4")).isTrue();
        assertThat(read.flapping("AC-2.1")).isFalse();
        assertThat(read.firstFailure("AC-1.4").generatedAt()).isEqualTo("2026-12-02T10:00:00Z");
        assertThat(read.firstFailure("AC-2.1")).isNull();
    }
}
