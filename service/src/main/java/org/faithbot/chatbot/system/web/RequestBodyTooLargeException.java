package org.faithbot.chatbot.system.web;

import java.io.IOException;
import java.util.Optional;

/** A request body went over the size limit while being read (a chunked body has no length up front). */
class RequestBodyTooLargeException extends IOException {

    RequestBodyTooLargeException(long limit) {
        super(detail(limit));
    }

    static String detail(long limit) {
        return "The request body is larger than the limit of " + limit + " bytes";
    }

    static Optional<RequestBodyTooLargeException> findIn(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }
}
