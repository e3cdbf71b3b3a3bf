package org.faithbot.chatbot.account;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.faithbot.chatbot.privacy.PrivacyAction;
import org.faithbot.chatbot.privacy.PrivacyAuditTrail;
import org.faithbot.chatbot.system.dynamodb.Items;
import org.faithbot.chatbot.system.security.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The CCPA opt-out of the sale or sharing of personal information: recorded on the profile with its
 * time and source (the API, or a Global Privacy Control signal), honoured by the analytics publisher,
 * and written to the privacy audit trail. Open to every user, registered or not.
 */
@Service
public class SaleSharingOptOutService {

    private final ProfileRepository profiles;

    private final PrivacyAuditTrail audit;

    private final Clock clock;

    SaleSharingOptOutService(ProfileRepository profiles, PrivacyAuditTrail audit, Clock clock) {
        this.profiles = profiles;
        this.audit = audit;
        this.clock = clock;
    }

    public OptOut set(CurrentUser user, boolean optOut, String source) {
        Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
        this.profiles.recordSaleSharingOptOut(new UserProfile(user.userId(), now, user.email(), user.displayName()),
                optOut, now, source);
        this.audit.record(user.userId(), optOut ? PrivacyAction.SALE_SHARING_OPT_OUT : PrivacyAction.SALE_SHARING_OPT_IN,
                Map.of("source", source));
        return new OptOut(optOut, now, source);
    }

    public OptOut current(String userId) {
        return this.profiles.find(userId)
            .map(item -> new OptOut(Items.flag(item, "saleSharingOptOut"), Items.instant(item, "saleSharingOptOutAt"),
                    Items.string(item, "saleSharingOptOutSource")))
            .orElse(new OptOut(false, null, null));
    }

    /** The opt-out state: opted out or not, since when, set how. */
    public record OptOut(boolean optOut, @Nullable Instant recordedAt, @Nullable String source) {
    }
}
