package org.faithbot.chatbot.prayer;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.faithbot.chatbot.account.PrivacyChoices;
import org.faithbot.chatbot.account.ProfileRepository;
import org.faithbot.chatbot.account.UserProfile;
import org.faithbot.chatbot.analytics.AnalyticsPublisher;
import org.faithbot.chatbot.retention.RetentionProperties;
import org.faithbot.chatbot.safety.CrisisDetector;
import org.faithbot.chatbot.safety.EscalationService;
import org.faithbot.chatbot.system.Ids;
import org.faithbot.chatbot.system.crypto.Pseudonyms;
import org.faithbot.chatbot.system.dynamodb.ExpiredItemReaper;
import org.faithbot.chatbot.system.dynamodb.Items;
import org.faithbot.chatbot.system.dynamodb.QueryPage;
import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import org.faithbot.chatbot.system.idempotency.IdempotencyKeys;
import org.faithbot.chatbot.system.paging.CursorCodec;
import org.faithbot.chatbot.system.paging.Page;
import org.faithbot.chatbot.system.security.CurrentUser;
import org.faithbot.chatbot.system.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.stereotype.Service;

/**
 * Prayer requests as their authors and the community see them: submit (idempotent with an
 * {@code Idempotency-Key}: a retried request returns the prayer the first one created), the author's
 * own prayers with the team's responses, the community feed (visible community prayers, no authors),
 * and reports by any user of a prayer they can see. Crisis language in a prayer is escalated to the
 * support team; enough reports hide a community prayer until a moderator reviews it.
 */
@Service
public class PrayerService {

    static final String OPERATION = "prayers";

    private static final Logger log = LoggerFactory.getLogger(PrayerService.class);

    private final PrayerRepository prayers;

    private final PrayerResponseRepository responses;

    private final PrayerFlagRepository flags;

    private final IdempotencyKeys idempotencyKeys;

    private final ProfileRepository profiles;

    private final CrisisDetector crisis;

    private final EscalationService escalations;

    private final AnalyticsPublisher analytics;

    private final Pseudonyms pseudonyms;

    private final CursorCodec cursors;

    private final ExpiredItemReaper reaper;

    private final PrayerProperties properties;

    private final RetentionProperties retention;

    private final MeterRegistry registry;

    private final Clock clock;

    PrayerService(PrayerRepository prayers, PrayerResponseRepository responses, PrayerFlagRepository flags,
            IdempotencyKeys idempotencyKeys, ProfileRepository profiles, CrisisDetector crisis,
            EscalationService escalations, AnalyticsPublisher analytics, Pseudonyms pseudonyms, CursorCodec cursors,
            ExpiredItemReaper reaper, PrayerProperties properties, RetentionProperties retention,
            MeterRegistry registry, Clock clock) {
        this.prayers = prayers;
        this.responses = responses;
        this.flags = flags;
        this.idempotencyKeys = idempotencyKeys;
        this.profiles = profiles;
        this.crisis = crisis;
        this.escalations = escalations;
        this.analytics = analytics;
        this.pseudonyms = pseudonyms;
        this.cursors = cursors;
        this.reaper = reaper;
        this.properties = properties;
        this.retention = retention;
        this.registry = registry;
        this.clock = clock;
    }

    public Submission submit(CurrentUser user, String idempotencyKey, String text, PrayerVisibility visibility,
            boolean globalPrivacyControl) {
        Instant now = now();
        PrivacyChoices choices = this.profiles.ensure(new UserProfile(user.userId(), now, user.email(), user.displayName()))
            .choices();
        IdempotencyKeys.Claim claim = this.idempotencyKeys.claim(user.userId(), OPERATION, idempotencyKey,
                IdempotencyKeys.fingerprint(visibility.name(), text), Ids.timeOrdered(now).toString(), now);
        if (!claim.first()) {
            Optional<Prayer> earlier = this.prayers.find(user.userId(), claim.resourceId());
            if (earlier.isPresent()) {
                // the same tag keys as every other prayers.submitted counter: Prometheus registers a meter name with one key set
                this.registry.counter("prayers.submitted", "outcome", "replayed", "visibility", earlier.get().visibility().name())
                    .increment();
                return new Submission(earlier.get(), true);
            }
        }
        Prayer prayer = newPrayer(user.userId(), claim.resourceId(), text, visibility, claim.createdAt());
        if (!this.prayers.create(prayer)) {
            return new Submission(this.prayers.find(user.userId(), claim.resourceId()).orElse(prayer), true);
        }
        this.registry.counter("prayers.submitted", "outcome", "created", "visibility", visibility.name()).increment();
        this.crisis.detect(text).ifPresentOrElse(
                category -> escalate(user.userId(), category, prayer.prayerId()),
                () -> this.analytics.publish(user.userId(), choices, globalPrivacyControl, "prayer_submitted",
                        Map.of("visibility", visibility.name())));
        return new Submission(prayer, false);
    }

    public Page<PrayerViews.Mine> mine(String userId, int limit, @Nullable String cursor) {
        String listing = "prayers:mine";
        QueryPage page = this.prayers.pageOf(userId, limit, this.cursors.decode(cursor, listing, userId));
        List<PrayerViews.Mine> items = new ArrayList<>();
        for (Prayer prayer : servable(page)) {
            List<PrayerViews.Response> answers = (prayer.responseCount() > 0) ? responsesTo(prayer.prayerId()) : List.of();
            items.add(new PrayerViews.Mine(prayer.prayerId(), prayer.text(), prayer.visibility().name(),
                    prayer.status().name(), PrayerViews.time(prayer.createdAt()), PrayerViews.time(prayer.dueAt()),
                    PrayerViews.time(prayer.claimedAt()), PrayerViews.time(prayer.firstResponseAt()), prayer.hidden(),
                    prayer.responseCount(), answers));
        }
        return new Page<>(items, this.cursors.encode(page.lastEvaluatedKey(), listing, userId));
    }

    public Page<PrayerViews.Community> community(String userId, int limit, @Nullable String cursor) {
        String listing = "prayers:community";
        QueryPage page = this.prayers.communityFeed(limit, this.cursors.decode(cursor, listing, userId));
        List<PrayerViews.Community> items = servable(page).stream()
            .filter(Prayer::visibleToCommunity)
            .map(PrayerViews.Community::of)
            .toList();
        return new Page<>(items, this.cursors.encode(page.lastEvaluatedKey(), listing, userId));
    }

    /** Reports a prayer the caller can see (their own, or a visible community prayer); repeating a report changes nothing. */
    public FlagOutcome flag(CurrentUser reporter, String prayerId, String reason) {
        Instant now = now();
        Prayer prayer = this.prayers.find(prayerId)
            .filter(found -> found.expiresAt().isAfter(now))
            .filter(found -> found.userId().equals(reporter.userId()) || found.visibleToCommunity())
            .orElseThrow(() -> ApiProblem.notFound("No prayer with this id"));
        String flagId = Ids.fromDigest(this.pseudonyms.digestBytes("flag\u0000" + reporter.userId() + "\u0000" + prayerId))
            .toString();
        boolean created = this.flags.create(reporter.userId(), flagId, prayerId, reason, now,
                now.plus(this.properties.moderationStandard()), now.plus(this.retention.prayers()));
        if (!created) {
            Map<String, AttributeValue> existing = this.flags.find(reporter.userId(), flagId).orElseThrow();
            return new FlagOutcome(new PrayerViews.Flag(flagId, prayerId, Items.string(existing, "status"),
                    Items.string(existing, "createdAt")), false);
        }
        this.registry.counter("moderation.reports.created").increment();
        long reports = this.prayers.countFlag(prayer.userId(), prayerId);
        if (reports >= this.properties.autoHideFlags() && prayer.visibleToCommunity()
                && this.prayers.hide(prayer.userId(), prayerId, "auto:" + reports + "-reports", now)) {
            this.registry.counter("moderation.prayers.hidden", "by", "auto").increment();
            log.info("Prayer {} hidden automatically after {} reports, pending review", prayerId, reports);
        }
        return new FlagOutcome(new PrayerViews.Flag(flagId, prayerId, PrayerFlagRepository.OPEN,
                PrayerViews.time(now)), true);
    }

    private void escalate(String userId, org.faithbot.chatbot.safety.CrisisCategory category, String prayerId) {
        try {
            this.escalations.raise(userId, category, "prayer", prayerId);
        }
        catch (RuntimeException ex) {
            log.error("Could not store the escalation of a crisis prayer: {}", ex.getClass().getSimpleName());
            this.registry.counter("safety.escalations.failed").increment();
        }
    }

    private List<PrayerViews.Response> responsesTo(String prayerId) {
        Instant now = this.clock.instant();
        return this.responses.toPrayer(prayerId)
            .stream()
            .filter(item -> !Items.expired(item, now))
            .map(item -> new PrayerViews.Response(Items.string(item, "responseId"), Items.string(item, "text"),
                    Items.string(item, "createdAt")))
            .toList();
    }

    private List<Prayer> servable(QueryPage page) {
        Instant now = this.clock.instant();
        List<Prayer> servable = new ArrayList<>();
        for (Map<String, AttributeValue> item : page.items()) {
            if (Items.expired(item, now)) {
                this.reaper.reap(TableCatalog.PRAYERS, item);
            }
            else {
                servable.add(PrayerRepository.fromItem(item));
            }
        }
        return servable;
    }

    private Prayer newPrayer(String userId, String prayerId, String text, PrayerVisibility visibility, Instant at) {
        return new Prayer(userId, prayerId, text, visibility, PrayerStatus.OPEN, at,
                at.plus(this.properties.responseStandard()), at.plus(this.retention.prayers()), null, null, null, 0, 0,
                false, null);
    }

    private Instant now() {
        return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A submitted prayer, and whether it is the replay of an earlier request with the same key. */
    public record Submission(Prayer prayer, boolean replayed) {
    }

    /** A report, and whether this request created it. */
    public record FlagOutcome(PrayerViews.Flag flag, boolean created) {
    }
}
