package org.faithbot.verification.page;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Element;

/** The first screen's top: which gate, its verdict, on what commit and when, and the links to the rest. */
final class VerdictBanner {

    private VerdictBanner() {
    }

    static void append(Element body, JsonNode summary, ReadinessPage.Links links) {
        String verdict = summary.path("verdict").asText();
        Element header = body.appendElement("header").id("verdict-banner").addClass("verdict").addClass(PageStyle.verdictClass(verdict));
        header.appendElement("p").addClass("gate").id("gate").attr("data-gate", summary.path("gate").asText()).text(gateText(summary));
        header.appendElement("h1").id("verdict").attr("data-verdict", verdict).text(verdict);
        String when = summary.path("generatedAt").asText();
        String meta = summary.path("sources").isEmpty()
                ? "Target " + summary.path("target").asText() + ", commit " + summary.path("commit").asText() + ", " + when
                : "Release commit " + summary.path("commit").asText() + ", merged at " + when + " from " + summary.path("sources").size() + " runs";
        header.appendElement("p").addClass("meta").text(meta + ". " + summary.path("criteria").size() + " criteria.");
        Element nav = header.appendElement("nav");
        link(nav, links.allure(), "Test results (Allure)", "link-allure");
        link(nav, links.summaryJson(), "summary.json", "link-summary-json");
        link(nav, links.summaryText(), "summary.txt", "link-summary-text");
        link(nav, links.evidenceJson(), "evidence.json", "link-evidence-json");
        if (!summary.path("sources").isEmpty()) {
            Element sources = header.appendElement("ul").addClass("meta").id("sources");
            summary.path("sources").forEach(s -> sources.appendElement("li").text(s.asText()));
        }
    }

    private static String gateText(JsonNode summary) {
        return switch (summary.path("gate").asText()) {
            case "local" -> "Local gate (one local run): READY FOR STAGING or NOT READY. Only merged evidence says GO.";
            case "launch" -> "Launch gate (merged evidence of local, staging and production runs, with the sign-off ledger)";
            default -> "Evidence of one " + summary.path("target").asText() + " run: to be merged for the launch verdict";
        };
    }

    private static void link(Element nav, String href, String text, String id) {
        if (href != null) {
            nav.appendElement("a").id(id).attr("href", href).text(text);
        }
    }
}
