package org.faithbot.chatbot.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.faithbot.chatbot.scripture.Verse;
import org.faithbot.chatbot.scripture.VerseCatalog;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The chat page of the day: the page with the day's verse already in its first document, so the
 * largest element paints without waiting for the script and a second request. Rendered once a day
 * (UTC, like the daily verse's API) and held in memory; its ETag changes with the day.
 */
@Component
class FrontPage {

    private record Rendered(LocalDate day, Asset page) {
    }

    private final AssetCatalog assets;

    private final VerseCatalog verses;

    private final Clock clock;

    private volatile Rendered today;

    FrontPage(AssetCatalog assets, VerseCatalog verses, Clock clock) {
        this.assets = assets;
        this.verses = verses;
        this.clock = clock;
    }

    Asset today() {
        LocalDate day = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
        Rendered rendered = this.today;
        if (rendered == null || !rendered.day().equals(day)) {
            Verse verse = this.verses.verseOf(day);
            rendered = new Rendered(day, this.assets.indexWith(HtmlUtils.htmlEscape(
                    "\u201C" + verse.text() + "\u201D \u2014 " + verse.reference())));
            this.today = rendered;
        }
        return rendered.page();
    }
}
