package org.faithbot.chatbot.account;

/** The {@code users} table. */
public interface ProfileRepository {

    /**
     * Stores the profile unless the user already has one (a conditional put, so concurrent first
     * calls do not overwrite each other).
     * @return whether the profile was created
     */
    boolean createIfAbsent(UserProfile profile);
}
