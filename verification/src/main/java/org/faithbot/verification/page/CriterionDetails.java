package org.faithbot.verification.page;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Element;

import java.util.List;

/** Each criterion's own section: status and why, its evidence records, sign-offs, waiver, failures and history. */
final class CriterionDetails {

    private CriterionDetails() {
    }

    static void append(Element main, JsonNode summary, StatusHistory history, ReadinessPage.Links links) {
        Element section = main.appendElement("section").id("criteria");
        section.appendElement("h2").text("Each criterion and its evidence");
        for (JsonNode c : summary.path("criteria")) {
            String id = c.path("id").asText();
            String status = c.path("status").asText();
            Element article = section.appendElement("article").addClass("criterion").id(id).attr("data-status", status);
            article.appendElement("h3").text(id + "  " + c.path("title").asText() + (c.hasNonNull("target") ? " (" + c.path("target").asText() + ")" : ""));
            Element dl = article.appendElement("dl");
            item(dl, "Status", PageStyle.label(status)).addClass(PageStyle.slug(status)).addClass("status-value");
            item(dl, "Required level", c.path("requiredLevel").asText() + ": " + c.path("why").asText());
            item(dl, "Shown at", c.hasNonNull("shownAt") ? c.path("shownAt").asText() : "nothing passed");
            item(dl, "Why this status", c.path("reason").asText());
            item(dl, "Scenarios", c.path("scenariosRun").asInt() + " ran of " + c.path("scenariosForTarget").asInt() + " for the target ("
                    + c.path("scenariosWritten").asInt() + " written)");
            appendHistory(dl, history, id);
            if (links.allure() != null && c.path("scenariosRun").asInt() > 0) {
                dl.appendElement("dt").text("Test results");
                dl.appendElement("dd").appendElement("a").attr("href", links.allure()).text("in Allure, under " + c.path("group").asText() + ", " + id);
            }
            appendEvidence(article, c.path("evidence"));
            appendSignOffs(article, c.path("signOffs"));
            if (c.hasNonNull("waiver")) {
                JsonNode w = c.path("waiver");
                article.appendElement("p").addClass("waiver").text("Waived by " + w.path("owner").asText() + " from " + w.path("granted").asText()
                        + " until " + w.path("expiry").asText() + ": " + w.path("reason").asText());
            }
            if (!c.path("failures").isEmpty()) {
                Element failures = article.appendElement("ul").addClass("failures");
                c.path("failures").forEach(f -> failures.appendElement("li").text(f.asText().lines().findFirst().orElse("")));
            }
        }
    }

    private static Element item(Element dl, String term, String text) {
        dl.appendElement("dt").text(term);
        return dl.appendElement("dd").text(text);
    }

    private static void appendHistory(Element dl, StatusHistory history, String id) {
        List<String> statuses = history.statusesOf(id);
        if (statuses.isEmpty()) {
            return;
        }
        dl.appendElement("dt").text("History");
        Element dd = dl.appendElement("dd");
        Element strip = dd.appendElement("span").addClass("history");
        List<StatusHistory.Run> runs = history.runs();
        for (int i = Math.max(0, statuses.size() - 20); i < statuses.size(); i++) {
            String s = statuses.get(i) == null ? "NOT_COVERED" : statuses.get(i);
            strip.appendElement("span").addClass(PageStyle.slug(s)).attr("title", runs.get(i).generatedAt() + " " + runs.get(i).target() + ": " + PageStyle.label(s));
        }
        StatusHistory.Run first = history.firstFailure(id);
        dd.appendText(" " + statuses.size() + " runs" + (first == null ? ", never failed" : ", first failed in the " + first.target() + " run of " + first.generatedAt()));
        if (history.flapping(id)) {
            dd.appendElement("span").addClass("flapping").text(" flapping");
        }
    }

    private static void appendEvidence(Element article, JsonNode evidence) {
        if (evidence.isEmpty()) {
            return;
        }
        Element table = article.appendElement("table").addClass("evidence");
        Element head = table.appendElement("thead").appendElement("tr");
        for (String h : List.of("Figure", "Value", "Threshold", "Met", "Level", "Recorded", "Commit", "Conditions")) {
            head.appendElement("th").text(h);
        }
        Element body = table.appendElement("tbody");
        for (JsonNode e : evidence) {
            Element row = body.appendElement("tr");
            boolean isStatic = "STATIC".equals(e.path("kind").asText());
            row.appendElement("td").text(e.path("metric").asText());
            row.appendElement("td").text(isStatic ? "checked statically" : number(e.path("value")) + " " + e.path("unit").asText());
            row.appendElement("td").text(e.hasNonNull("threshold") ? symbol(e.path("comparator").asText()) + " " + number(e.path("threshold")) + " "
                    + e.path("unit").asText() : isStatic ? "holds" : "reported, not judged");
            row.appendElement("td").text(e.path("passed").asBoolean() ? "yes" : "NOT MET");
            row.appendElement("td").text(e.path("level").asText() + (e.hasNonNull("emulator") ? " (" + e.path("emulator").asText() + ")" : ""));
            row.appendElement("td").text(e.path("recordedAt").asText());
            String commit = e.path("commit").asText();
            row.appendElement("td").text(commit.length() > 12 ? commit.substring(0, 12) : commit);
            row.appendElement("td").text(e.path("conditions").asText(""));
        }
    }

    private static void appendSignOffs(Element article, JsonNode signOffs) {
        if (signOffs.isEmpty()) {
            return;
        }
        Element table = article.appendElement("table").addClass("sign-offs");
        Element head = table.appendElement("thead").appendElement("tr");
        for (String h : List.of("Sign-off item", "Role", "Signed by", "Date", "Expiry", "State", "Record")) {
            head.appendElement("th").text(h);
        }
        Element body = table.appendElement("tbody");
        for (JsonNode s : signOffs) {
            Element row = body.appendElement("tr").attr("data-state", s.path("state").asText());
            row.appendElement("td").text(s.path("item").asText());
            row.appendElement("td").text(s.path("role").asText());
            row.appendElement("td").text(s.path("name").asText("-"));
            row.appendElement("td").text(s.path("date").asText("-"));
            row.appendElement("td").text(s.path("expiry").asText("-"));
            row.appendElement("td").text(s.path("state").asText());
            row.appendElement("td").text(s.path("record").asText("-"));
        }
    }

    private static String number(JsonNode n) {
        double v = n.asDouble();
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.3f", v);
    }

    private static String symbol(String comparator) {
        return switch (comparator) {
            case "LESS_THAN" -> "<";
            case "AT_MOST" -> "<=";
            case "GREATER_THAN" -> ">";
            case "AT_LEAST" -> ">=";
            case "EQUAL_TO" -> "==";
            default -> comparator;
        };
    }
}
