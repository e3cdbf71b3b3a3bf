package org.faithbot.chatbot.scripture;

/** One scripture passage: its reference (e.g. {@code Philippians 4:6-7}) and its text. */
public record Verse(String reference, String text) {
}
