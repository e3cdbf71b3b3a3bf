package org.faithbot.verification.page;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Element;

/** Every criterion as one cell, by user story (or requirement group), coloured by status and linked to its evidence. */
final class CriteriaGrid {

    private CriteriaGrid() {
    }

    static void append(Element main, JsonNode summary) {
        Element grid = main.appendElement("section").id("grid");
        grid.appendElement("h2").text("Criteria by user story");
        String group = null;
        Element cells = null;
        for (JsonNode c : summary.path("criteria")) {
            if (!c.path("group").asText().equals(group)) {
                group = c.path("group").asText();
                Element story = grid.appendElement("section").addClass("story").attr("data-story", group);
                story.appendElement("h2").text(group + "  " + c.path("groupTitle").asText());
                cells = story.appendElement("div").addClass("cells");
            }
            String id = c.path("id").asText();
            String status = c.path("status").asText();
            Element cell = cells.appendElement("a").addClass("cell").addClass(PageStyle.slug(status)).id("cell-" + id)
                    .attr("href", "#" + id).attr("data-criterion", id).attr("data-status", status)
                    .attr("title", c.path("title").asText() + ": " + c.path("reason").asText());
            cell.appendElement("span").addClass("id").text(id);
            cell.appendElement("span").addClass("status").text(PageStyle.label(status));
            cell.appendElement("span").addClass("level").text("needs " + c.path("requiredLevel").asText());
        }
    }
}
