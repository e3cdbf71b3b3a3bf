package org.faithbot.verification.page;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page stakeholders open (reports/launch-readiness/index.html): the verdict and its gate first, then every
 * criterion as one cell of a grid by user story, coloured by status, with the counts by status and by required level,
 * then each criterion's evidence (figures, thresholds, level, when, which commit), sign-offs, waiver and history. Made
 * from summary.json alone, so what the page says is what the data says. No test-pass percentage anywhere.
 */
public final class ReadinessPage {

    /** The page's links out: the Allure test results and the data files beside it (null: none). */
    public record Links(String allure, String summaryJson, String summaryText, String evidenceJson) {
    }

    private ReadinessPage() {
    }

    public static String render(JsonNode summary, StatusHistory history, Links links) {
        Document doc = Document.createShell("");
        doc.title("Launch readiness: " + summary.path("verdict").asText());
        doc.head().appendElement("meta").attr("charset", "utf-8");
        doc.head().appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        doc.head().appendElement("style").appendChild(new DataNode(PageStyle.CSS));
        Element body = doc.body();
        VerdictBanner.append(body, summary, links);
        Element main = body.appendElement("main");
        appendCounts(main, summary);
        appendWaiversAndBlockers(main, summary);
        CriteriaGrid.append(main, summary);
        CriterionDetails.append(main, summary, history, links);
        return doc.outerHtml();
    }

    private static void appendCounts(Element main, JsonNode summary) {
        Element counts = main.appendElement("section").id("counts");
        Element byStatus = counts.appendElement("ul").addClass("chips").id("counts-by-status");
        summary.path("counts").path("byStatus").properties().forEach(e -> {
            if (e.getValue().asInt() > 0) {
                byStatus.appendElement("li").addClass("chip").addClass(PageStyle.slug(e.getKey())).attr("data-status", e.getKey())
                        .attr("data-count", e.getValue().asText())
                        .text(PageStyle.label(e.getKey()) + ": " + e.getValue().asInt());
            }
        });
        Element byLevel = counts.appendElement("p").id("counts-by-level");
        byLevel.appendText("Criteria by the level their requirement demands: ");
        Map<String, Integer> levels = new LinkedHashMap<>();
        summary.path("counts").path("byRequiredLevel").properties().forEach(e -> levels.put(e.getKey(), e.getValue().asInt()));
        byLevel.appendText(String.join(", ", levels.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()) + ".");
        Element records = counts.appendElement("p").id("evidence-by-level");
        records.appendText("Records of evidence by the level obtained at: ");
        records.appendText(String.join(", ", summary.path("counts").path("evidenceByLevel").properties().stream()
                .map(e -> e.getKey() + " " + e.getValue().asInt()).toList()) + ".");
    }

    private static void appendWaiversAndBlockers(Element main, JsonNode summary) {
        if (!summary.path("waivers").isEmpty()) {
            Element waivers = main.appendElement("section").id("waivers");
            waivers.appendElement("h2").text("Waivers in force");
            Element list = waivers.appendElement("ul");
            summary.path("waivers").forEach(w -> list.appendElement("li").text(w.asText()));
        }
        List<JsonNode> blockers = java.util.stream.StreamSupport.stream(summary.path("blockers").spliterator(), false).toList();
        if (!blockers.isEmpty()) {
            Element details = main.appendElement("section").id("blockers").appendElement("details");
            details.appendElement("summary").text(blockers.size() + " criteria keep the gate closed");
            Element list = details.appendElement("ul");
            blockers.forEach(b -> list.appendElement("li").text(b.asText()));
        }
    }
}
