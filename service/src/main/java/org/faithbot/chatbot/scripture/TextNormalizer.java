package org.faithbot.chatbot.scripture;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Brings user text and keywords to one form for matching: lower case, apostrophes dropped
 * ({@code can't} becomes {@code cant}), every other run of non-letters and non-digits a single
 * space, with one space before and after.
 */
public final class TextNormalizer {

    private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019`]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return " ";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String joined = SEPARATORS.matcher(APOSTROPHES.matcher(lower).replaceAll("")).replaceAll(" ").strip();
        return " " + joined + " ";
    }
}
