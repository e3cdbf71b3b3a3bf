package org.faithbot.verification.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the stakeholders' page into a report folder: adds the run (or merge) to the status history kept beside it,
 * then renders index.html from the folder's summary.json, linking the Allure report and the data files found there.
 */
public final class PageFolder {

    public static final String HISTORY = "history/criteria-history.jsonl";

    private PageFolder() {
    }

    /**
     * Writes {@code folder}/index.html for the summary.json in it; the history lives at {@code historyFile}.
     *
     * @param allureReport whether the folder gets an Allure report under report/ (a run's folder does, after its page is
     *                     written; a merge's does not: its runs' reports stay in their own folders)
     */
    public static Path write(Path folder, Path historyFile, boolean allureReport) {
        JsonNode summary;
        try {
            summary = new ObjectMapper().readTree(folder.resolve("summary.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder.resolve("summary.json"), e);
        }
        StatusHistory history = StatusHistory.read(historyFile).with(summary);
        history.write(historyFile);
        ReadinessPage.Links links = new ReadinessPage.Links(
                allureReport ? "report/index.html" : linkIfPresent(folder, "report/index.html"), "summary.json", linkIfPresent(folder, "summary.txt"),
                linkIfPresent(folder, "evidence.json"));
        Path page = folder.resolve("index.html");
        try {
            Files.writeString(page, ReadinessPage.render(summary, history, links));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + page, e);
        }
        return page;
    }

    /** The link to a file of the folder, when it is there. */
    private static String linkIfPresent(Path folder, String relative) {
        return Files.exists(folder.resolve(relative)) ? relative : null;
    }
}
