package org.faithbot.chatbot.system.web;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An exception for the log without its message: its class and the frames where it was thrown, and the same for each
 * cause. An exception's message may quote what the caller sent (a parameter, a header, a user's words), which must
 * never reach a log line.
 */
final class ThrownAt {

    private static final int FRAMES = 12;

    private ThrownAt() {
    }

    static String describe(Throwable thrown) {
        StringBuilder text = new StringBuilder();
        Throwable current = thrown;
        for (int depth = 0; current != null && depth < 5; depth++, current = current.getCause()) {
            if (depth > 0) {
                text.append("\n caused by ");
            }
            text.append(current.getClass().getName()).append(Arrays.stream(current.getStackTrace()).limit(FRAMES)
                .map(frame -> "\n\tat " + frame).collect(Collectors.joining()));
        }
        return text.toString();
    }
}
