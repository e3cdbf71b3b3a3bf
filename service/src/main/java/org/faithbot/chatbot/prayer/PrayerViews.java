package org.faithbot.chatbot.prayer;

import java.time.Instant;
import java.util.List;

import org.faithbot.chatbot.system.Timestamps;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of prayer connect. None of them ever shows who wrote a prayer to anyone but its author. */
final class PrayerViews {

    private PrayerViews() {
    }

    static @Nullable String time(@Nullable Instant instant) {
        return (instant != null) ? Timestamps.format(instant) : null;
    }

    /** Answer of {@code POST /api/v1/prayers}. */
    record Created(String prayerId, String status, String visibility, String createdAt) {

        static Created of(Prayer prayer) {
            return new Created(prayer.prayerId(), prayer.status().name(), prayer.visibility().name(),
                    Timestamps.format(prayer.createdAt()));
        }
    }

    /** A response as the prayer's author sees it (from "the prayer team", never a name). */
    record Response(String responseId, String text, String createdAt) {
    }

    /** An item of {@code GET /api/v1/prayers/mine}. */
    record Mine(String prayerId, String text, String visibility, String status, String createdAt, String dueAt,
            @Nullable String claimedAt, @Nullable String firstResponseAt, boolean hidden, long responseCount,
            List<Response> responses) {
    }

    /** An item of {@code GET /api/v1/prayers/community}: no author. */
    record Community(String prayerId, String text, String createdAt, long responseCount) {

        static Community of(Prayer prayer) {
            return new Community(prayer.prayerId(), prayer.text(), Timestamps.format(prayer.createdAt()),
                    prayer.responseCount());
        }
    }

    /** A prayer as the prayer team sees it (queue, claim): no author, with its due time. */
    record ForTeam(String prayerId, String text, String visibility, String status, String createdAt, String dueAt,
            boolean overdue, @Nullable String claimedAt) {

        static ForTeam of(Prayer prayer, Instant now) {
            Instant respondedAt = (prayer.firstResponseAt() != null) ? prayer.firstResponseAt() : now;
            return new ForTeam(prayer.prayerId(), prayer.text(), prayer.visibility().name(), prayer.status().name(),
                    Timestamps.format(prayer.createdAt()), Timestamps.format(prayer.dueAt()),
                    respondedAt.isAfter(prayer.dueAt()), time(prayer.claimedAt()));
        }
    }

    /** Answer of {@code POST /api/v1/prayer-team/prayers/{id}/responses}. */
    record ResponseCreated(String responseId, String prayerId, String text, String createdAt, boolean firstResponse,
            boolean withinStandard) {
    }

    /** Answer of {@code POST /api/v1/prayers/{id}/flags}. */
    record Flag(String flagId, String prayerId, String status, String createdAt) {
    }

    /** An open report as moderators see it (no reporter). */
    record Report(String flagId, String prayerId, String reason, String createdAt, String dueAt, boolean overdue) {
    }

    /** A prayer as moderators see it, with its reports. */
    record ForModeration(String prayerId, String text, String visibility, String status, boolean hidden,
            @Nullable String hiddenAt, long flagCount, String createdAt, List<Report> reports) {
    }

    /** Answer of {@code POST /api/v1/moderation/prayers/{id}/hide}. */
    record Hidden(String prayerId, boolean hidden, String hiddenAt, int reportsResolved) {
    }
}
