package org.faithbot.chatbot.account;

/**
 * What a user chose about their data, as stored on the profile: whether they registered, consented
 * to analytics ({@code analytics} purpose) and opted out of the sale or sharing of their personal
 * information (CCPA).
 */
public record PrivacyChoices(boolean registered, boolean analyticsConsent, boolean saleSharingOptOut) {

    public static final PrivacyChoices NONE = new PrivacyChoices(false, false, false);

    /** Analytics (shared with a third party) only with consent and without an opt-out. */
    public boolean allowsAnalytics() {
        return this.analyticsConsent && !this.saleSharingOptOut;
    }
}
