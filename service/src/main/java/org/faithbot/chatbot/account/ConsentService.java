package org.faithbot.chatbot.account;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.faithbot.chatbot.documents.DocumentLibrary;
import org.faithbot.chatbot.privacy.PrivacyAction;
import org.faithbot.chatbot.privacy.PrivacyAuditTrail;
import org.faithbot.chatbot.system.security.CurrentUser;
import org.faithbot.chatbot.system.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Registration with explicit consents, and consent changes. Every decision is recorded with its
 * purpose, the version of the document it refers to (which must be the current one) and its time;
 * the {@code analytics} consent is mirrored on the profile, where the chat reads it. Registration
 * requires consent to the terms and the privacy policy; withdrawing either is refused (delete the
 * account instead). Each action goes to the privacy audit trail.
 */
@Service
public class ConsentService {

    static final String REGISTRATION = "registration";

    static final String UPDATE = "update";

    private static final Logger log = LoggerFactory.getLogger(ConsentService.class);

    private final ProfileRepository profiles;

    private final ConsentRepository consents;

    private final DocumentLibrary documents;

    private final PrivacyAuditTrail audit;

    private final Clock clock;

    ConsentService(ProfileRepository profiles, ConsentRepository consents, DocumentLibrary documents,
            PrivacyAuditTrail audit, Clock clock) {
        this.profiles = profiles;
        this.consents = consents;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    public Registration register(CurrentUser user, List<ConsentInput> decisions) {
        validate(decisions);
        for (ConsentPurpose purpose : ConsentPurpose.ALL) {
            if (purpose.required() && decisions.stream()
                .noneMatch(decision -> decision.purpose().equals(purpose.name()) && decision.granted())) {
                throw ApiProblem.badRequest("Registration needs consent to " + purpose.name() + " (version "
                        + currentVersion(purpose) + ") with granted true");
            }
        }
        Instant now = now();
        boolean analytics = decisions.stream()
            .anyMatch(decision -> decision.purpose().equals(ConsentPurpose.ANALYTICS) && decision.granted());
        UserProfile profile = new UserProfile(user.userId(), now, user.email(), user.displayName());
        if (!this.profiles.register(profile, now, analytics)) {
            throw ApiProblem.conflict("This account is already registered; change consents with PUT /api/v1/me/consents");
        }
        List<ConsentRecord> recorded = record(user.userId(), decisions, now, REGISTRATION);
        this.audit.record(user.userId(), PrivacyAction.ACCOUNT_REGISTERED, summary(recorded));
        return new Registration(now, recorded);
    }

    public List<ConsentRecord> history(String userId) {
        return this.consents.history(userId);
    }

    public List<ConsentRecord> update(CurrentUser user, List<ConsentInput> decisions) {
        validate(decisions);
        boolean registered = this.profiles.find(user.userId()).map(item -> item.containsKey("registeredAt")).orElse(false);
        if (!registered) {
            throw ApiProblem.notFound("No registered account: register first with POST /api/v1/accounts");
        }
        for (ConsentInput decision : decisions) {
            ConsentPurpose purpose = ConsentPurpose.named(decision.purpose()).orElseThrow();
            if (purpose.required() && !decision.granted()) {
                throw ApiProblem.conflict("Consent to " + purpose.name()
                        + " cannot be withdrawn while the account exists: delete the account with DELETE /api/v1/me");
            }
        }
        List<ConsentRecord> recorded = record(user.userId(), decisions, later(user.userId()), UPDATE);
        recorded.stream()
            .filter(record -> record.purpose().equals(ConsentPurpose.ANALYTICS))
            .reduce((first, second) -> second)
            .ifPresent(analytics -> this.profiles.recordAnalyticsConsent(user.userId(), analytics.granted()));
        this.audit.record(user.userId(), PrivacyAction.CONSENT_CHANGED, summary(recorded));
        return this.consents.history(user.userId());
    }

    public String currentVersion(ConsentPurpose purpose) {
        return this.documents.get(purpose.document()).version();
    }

    private List<ConsentRecord> record(String userId, List<ConsentInput> decisions, Instant at, String source) {
        List<ConsentRecord> recorded = new ArrayList<>();
        for (ConsentInput decision : decisions) {
            ConsentRecord record = new ConsentRecord(decision.purpose(), decision.version(), decision.granted(), at,
                    source);
            this.consents.record(userId, record);
            recorded.add(record);
        }
        log.info("Recorded {} consent decision(s) ({})", recorded.size(), source);
        return recorded;
    }

    private void validate(List<ConsentInput> decisions) {
        Set<String> seen = new HashSet<>();
        for (ConsentInput decision : decisions) {
            ConsentPurpose purpose = ConsentPurpose.named(decision.purpose())
                .orElseThrow(() -> ApiProblem.badRequest("Unknown consent purpose; known purposes: " + ConsentPurpose.names()));
            if (!seen.add(purpose.name())) {
                throw ApiProblem.badRequest("Consent purpose " + purpose.name() + " is listed twice");
            }
            String current = currentVersion(purpose);
            if (!current.equals(decision.version())) {
                throw ApiProblem.badRequest("Consent to " + purpose.name() + " must refer to the current version "
                        + current + " of " + purpose.document());
            }
        }
    }

    /** A time after the user's latest record, so the new records are the latest ones. */
    private Instant later(String userId) {
        Instant now = now();
        Instant latest = ConsentRepository.latestTime(this.consents.history(userId));
        return now.isAfter(latest) ? now : latest.plusMillis(1);
    }

    private Instant now() {
        return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Map<String, String> summary(List<ConsentRecord> recorded) {
        Map<String, String> details = new LinkedHashMap<>();
        recorded.forEach(record -> details.put(record.purpose(), (record.granted() ? "granted" : "withdrawn") + "@"
                + record.version()));
        return details;
    }

    /** A registration: when, and the consents recorded with it. */
    public record Registration(Instant registeredAt, List<ConsentRecord> consents) {
    }
}
