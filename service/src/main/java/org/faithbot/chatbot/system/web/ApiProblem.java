package org.faithbot.chatbot.system.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request the service refuses for a reason of its own (not found, conflict, invalid state):
 * answered as an RFC 9457 problem with the given status and detail. The detail must never echo
 * user input.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;

    private final Map<String, Object> properties;

    public ApiProblem(HttpStatus status, String detail) {
        this(status, detail, Map.of());
    }

    public ApiProblem(HttpStatus status, String detail, Map<String, Object> properties) {
        super(detail, null, false, false);
        this.status = status;
        this.properties = Map.copyOf(properties);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, detail);
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, detail);
    }

    public static ApiProblem unprocessable(String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, detail);
    }

    public HttpStatus status() {
        return this.status;
    }

    public Map<String, Object> properties() {
        return this.properties;
    }
}
