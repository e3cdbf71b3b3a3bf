package org.faithbot.chatbot.account;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The {@code users} table: one profile per user. */
public interface ProfileRepository {

    /**
     * Stores the profile unless the user already has one (a conditional put, so concurrent first
     * calls do not overwrite each other).
     * @return whether the profile was created
     */
    boolean createIfAbsent(UserProfile profile);

    /**
     * Makes sure the user has a profile (one GetItem when they do) and returns their privacy choices,
     * and whether the profile was created by this call (a user new to the service).
     */
    Ensured ensure(UserProfile profile);

    /** A user's privacy choices, and whether their profile was created just now. */
    record Ensured(PrivacyChoices choices, boolean created) {
    }

    /** The stored profile with all its attributes. */
    Optional<Map<String, AttributeValue>> find(String userId);

    /**
     * Registers the user (creating the profile when absent); false when already registered
     * (conditional on {@code registeredAt} being absent).
     */
    boolean register(UserProfile profile, Instant registeredAt, boolean analyticsConsent);

    /** Mirrors the current {@code analytics} consent on the profile. */
    void recordAnalyticsConsent(String userId, boolean granted);

    /** Records the CCPA sale/sharing opt-out (or its withdrawal), creating the profile when absent. */
    void recordSaleSharingOptOut(UserProfile profile, boolean optOut, Instant at, String source);
}
