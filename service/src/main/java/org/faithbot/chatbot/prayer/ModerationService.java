package org.faithbot.chatbot.prayer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.faithbot.chatbot.system.crypto.Pseudonyms;
import org.faithbot.chatbot.system.dynamodb.ExpiredItemReaper;
import org.faithbot.chatbot.system.dynamodb.Items;
import org.faithbot.chatbot.system.dynamodb.QueryPage;
import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import org.faithbot.chatbot.system.paging.CursorCodec;
import org.faithbot.chatbot.system.paging.Page;
import org.faithbot.chatbot.system.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.stereotype.Service;

/**
 * Moderation by the community guidelines: the open reports (oldest first, each with its due time),
 * a reported prayer with its reports, and hiding a prayer (out of the community feed and the queue),
 * which resolves its open reports. Resolution times are tracked against the standard
 * ({@code chatbot.prayer.moderation-standard}): {@code moderation.report.resolution} and
 * {@code moderation.reports.resolved} by {@code within_standard}.
 */
@Service
public class ModerationService {

    private final PrayerRepository prayers;

    private final PrayerFlagRepository flags;

    private final Pseudonyms pseudonyms;

    private final CursorCodec cursors;

    private final ExpiredItemReaper reaper;

    private final PrayerProperties properties;

    private final MeterRegistry registry;

    private final Clock clock;

    ModerationService(PrayerRepository prayers, PrayerFlagRepository flags, Pseudonyms pseudonyms, CursorCodec cursors,
            ExpiredItemReaper reaper, PrayerProperties properties, MeterRegistry registry, Clock clock) {
        this.properties = properties;
        this.prayers = prayers;
        this.flags = flags;
        this.pseudonyms = pseudonyms;
        this.cursors = cursors;
        this.reaper = reaper;
        this.registry = registry;
        this.clock = clock;
    }

    public Page<PrayerViews.Report> openReports(String moderatorId, int limit, @Nullable String cursor) {
        String listing = "moderation:reports";
        QueryPage page = this.flags.open(limit, this.cursors.decode(cursor, listing, moderatorId));
        Instant now = this.clock.instant();
        List<PrayerViews.Report> items = new ArrayList<>();
        for (Map<String, AttributeValue> item : page.items()) {
            if (Items.expired(item, now)) {
                this.reaper.reap(TableCatalog.PRAYER_FLAGS, item);
            }
            else {
                items.add(report(item, now));
            }
        }
        return new Page<>(items, this.cursors.encode(page.lastEvaluatedKey(), listing, moderatorId));
    }

    public PrayerViews.ForModeration prayer(String prayerId) {
        Prayer prayer = find(prayerId);
        Instant now = this.clock.instant();
        List<PrayerViews.Report> reports = this.flags.ofPrayer(prayerId)
            .stream()
            .map(key -> this.flags.find(Items.string(key, "userId"), Items.string(key, "flagId")))
            .flatMap(java.util.Optional::stream)
            .filter(item -> !Items.expired(item, now))
            .map(item -> report(item, now))
            .toList();
        return new PrayerViews.ForModeration(prayer.prayerId(), prayer.text(), prayer.visibility().name(),
                prayer.status().name(), prayer.hidden(), PrayerViews.time(prayer.hiddenAt()), prayer.flagCount(),
                PrayerViews.time(prayer.createdAt()), reports);
    }

    public PrayerViews.Hidden hide(String moderatorId, String prayerId) {
        Prayer prayer = find(prayerId);
        Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
        boolean newlyHidden = this.prayers.hide(prayer.userId(), prayerId, this.pseudonyms.ofUser(moderatorId), now);
        if (newlyHidden) {
            this.registry.counter("moderation.prayers.hidden", "by", "moderator").increment();
        }
        int resolved = 0;
        for (Map<String, AttributeValue> key : this.flags.ofPrayer(prayerId)) {
            if (this.flags.resolve(Items.string(key, "userId"), Items.string(key, "flagId"), "hidden", now)) {
                resolved++;
                Instant reportedAt = Items.instant(key, "createdAt");
                if (reportedAt != null) {
                    boolean withinStandard = !now.isAfter(reportedAt.plus(this.properties.moderationStandard()));
                    this.registry.timer("moderation.report.resolution").record(Duration.between(reportedAt, now));
                    this.registry.counter("moderation.reports.resolved", "within_standard", String.valueOf(withinStandard))
                        .increment();
                }
            }
        }
        Instant hiddenAt = newlyHidden ? now
                : this.prayers.find(prayer.userId(), prayerId).map(Prayer::hiddenAt).orElse(now);
        return new PrayerViews.Hidden(prayerId, true, PrayerViews.time(hiddenAt), resolved);
    }

    private Prayer find(String prayerId) {
        Instant now = this.clock.instant();
        return this.prayers.find(prayerId)
            .filter(prayer -> prayer.expiresAt().isAfter(now))
            .orElseThrow(() -> ApiProblem.notFound("No prayer with this id"));
    }

    private static PrayerViews.Report report(Map<String, AttributeValue> item, Instant now) {
        Instant due = Items.instant(item, "dueAt");
        return new PrayerViews.Report(Items.string(item, "flagId"), Items.string(item, "prayerId"),
                Items.string(item, "reason"), Items.string(item, "createdAt"), PrayerViews.time(due),
                due != null && PrayerFlagRepository.OPEN.equals(Items.string(item, "status")) && now.isAfter(due));
    }
}
