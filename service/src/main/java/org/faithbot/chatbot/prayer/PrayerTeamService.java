package org.faithbot.chatbot.prayer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.faithbot.chatbot.retention.RetentionProperties;
import org.faithbot.chatbot.system.Ids;
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
 * The prayer team's work: the queue of prayers waiting for someone (oldest first), claiming one (a
 * conditional update: exactly one member wins, the others get 409) and responding to a prayer one
 * claimed. Response times are tracked against the standard ({@code chatbot.prayer.response-standard}):
 * every prayer carries its due time; the first response records {@code prayer.first_response} (time
 * from the request) and {@code prayer.responses.first} by {@code within_standard}.
 */
@Service
public class PrayerTeamService {

    private final PrayerRepository prayers;

    private final PrayerResponseRepository responses;

    private final Pseudonyms pseudonyms;

    private final CursorCodec cursors;

    private final ExpiredItemReaper reaper;

    private final RetentionProperties retention;

    private final MeterRegistry registry;

    private final Clock clock;

    PrayerTeamService(PrayerRepository prayers, PrayerResponseRepository responses, Pseudonyms pseudonyms,
            CursorCodec cursors, ExpiredItemReaper reaper, RetentionProperties retention, MeterRegistry registry,
            Clock clock) {
        this.prayers = prayers;
        this.responses = responses;
        this.pseudonyms = pseudonyms;
        this.cursors = cursors;
        this.reaper = reaper;
        this.retention = retention;
        this.registry = registry;
        this.clock = clock;
    }

    public Page<PrayerViews.ForTeam> queue(String memberId, int limit, @Nullable String cursor) {
        String listing = "prayers:queue";
        QueryPage page = this.prayers.teamQueue(limit, this.cursors.decode(cursor, listing, memberId));
        Instant now = this.clock.instant();
        List<PrayerViews.ForTeam> items = new ArrayList<>();
        for (Map<String, AttributeValue> item : page.items()) {
            if (Items.expired(item, now)) {
                this.reaper.reap(TableCatalog.PRAYERS, item);
                continue;
            }
            Prayer prayer = PrayerRepository.fromItem(item);
            if (prayer.status() == PrayerStatus.OPEN && !prayer.hidden()) {
                items.add(PrayerViews.ForTeam.of(prayer, now));
            }
        }
        return new Page<>(items, this.cursors.encode(page.lastEvaluatedKey(), listing, memberId));
    }

    public PrayerViews.ForTeam claim(String memberId, String prayerId) {
        Prayer prayer = findLive(prayerId);
        Instant now = now();
        if (!this.prayers.claim(prayer.userId(), prayerId, this.pseudonyms.ofUser(memberId), now)) {
            this.registry.counter("prayers.claims", "outcome", "conflict").increment();
            throw ApiProblem.conflict("This prayer is not open any more: another member claimed it");
        }
        this.registry.counter("prayers.claims", "outcome", "claimed").increment();
        this.registry.timer("prayer.claim.wait").record(Duration.between(prayer.createdAt(), now));
        return PrayerViews.ForTeam.of(this.prayers.find(prayer.userId(), prayerId).orElse(prayer), now);
    }

    public PrayerViews.ResponseCreated respond(String memberId, String prayerId, String text) {
        Prayer prayer = findLive(prayerId);
        Instant now = now();
        Prayer before = this.prayers.recordResponse(prayer.userId(), prayerId, this.pseudonyms.ofUser(memberId), now)
            .orElseThrow(() -> ApiProblem.conflict("Only the member who claimed this prayer can respond: claim it first"));
        String responseId = Ids.timeOrdered(now).toString();
        this.responses.save(memberId, responseId, prayerId, text, now, now.plus(this.retention.prayers()));
        boolean first = before.firstResponseAt() == null;
        boolean withinStandard = !now.isAfter(before.dueAt());
        if (first) {
            this.registry.timer("prayer.first_response").record(Duration.between(before.createdAt(), now));
            this.registry.counter("prayer.responses.first", "within_standard", String.valueOf(withinStandard)).increment();
        }
        return new PrayerViews.ResponseCreated(responseId, prayerId, text, PrayerViews.time(now), first, withinStandard);
    }

    private Prayer findLive(String prayerId) {
        Instant now = this.clock.instant();
        return this.prayers.find(prayerId)
            .filter(prayer -> prayer.expiresAt().isAfter(now))
            .orElseThrow(() -> ApiProblem.notFound("No prayer with this id"));
    }

    private Instant now() {
        return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
