package org.faithbot.chatbot.system.cache;

/**
 * An in-process cache keyed by user id. Erasure evicts the user from every such cache, so nothing
 * of an erased user stays in memory either.
 */
public interface PersonalDataCache {

    /** A name for reports, e.g. {@code rate-limit-buckets}. */
    String cacheName();

    /** Whether the cache holds an entry of the user. */
    boolean holds(String userId);

    /** Drops every entry of the user. */
    void evict(String userId);
}
