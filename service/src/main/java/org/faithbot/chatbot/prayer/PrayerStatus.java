package org.faithbot.chatbot.prayer;

/** Where a prayer request stands: waiting in the team's queue, claimed by a member, answered. */
public enum PrayerStatus {

    OPEN, CLAIMED, ANSWERED
}
