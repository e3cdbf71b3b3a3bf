package org.faithbot.chatbot.prayer;

/** Who may see a prayer request: only its author and the prayer team, or the whole community (without the author's name). */
public enum PrayerVisibility {

    PRIVATE, COMMUNITY
}
