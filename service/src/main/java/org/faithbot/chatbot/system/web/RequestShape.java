package org.faithbot.chatbot.system.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * What a request must look like before any part of the service reads it: a method the service answers, a path that
 * does not start with {@code //}, a query string of well-formed percent-encodings of UTF-8 with named parameters,
 * header values without control characters (C0 or C1: an emoji's UTF-8 bytes read as ISO-8859-1 are C1 controls), a
 * Content-Type that is a concrete media type the service reads (it reads JSON only: no form or multipart body), and
 * a parseable Accept. Each refusal says why in words that never repeat what the caller sent but a header's name.
 */
final class RequestShape {

    /** A refusal: its status and reason. */
    record Refusal(HttpStatus status, String reason) {
    }

    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** The methods as an Allow header lists them. */
    static final String ALLOWED = String.join(", ", new java.util.TreeSet<>(METHODS));

    private RequestShape() {
    }

    static Optional<Refusal> check(HttpServletRequest request) {
        if (!METHODS.contains(request.getMethod())) {
            return refuse(HttpStatus.METHOD_NOT_ALLOWED, "The method is not allowed; the service answers " + ALLOWED);
        }
        String uri = request.getRequestURI();
        if (uri == null || uri.startsWith("//")) {
            return refuse(HttpStatus.BAD_REQUEST, "The path is not valid: it must not start with '//'");
        }
        Optional<String> query = queryProblem(request.getQueryString());
        if (query.isPresent()) {
            return refuse(HttpStatus.BAD_REQUEST, "The query string is malformed: " + query.get());
        }
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                if (hasControlCharacter(value)) {
                    return refuse(HttpStatus.BAD_REQUEST, "The header '" + printable(name) + "' has a value with control characters "
                            + "or bytes outside printable US-ASCII and Latin-1");
                }
            }
        }
        Optional<Refusal> contentType = contentTypeProblem(request.getHeader("Content-Type"));
        if (contentType.isPresent()) {
            return contentType;
        }
        String accept = request.getHeader("Accept");
        if (accept != null && !accept.isBlank()) {
            try {
                MediaType.parseMediaTypes(accept);
            }
            catch (IllegalArgumentException ex) {
                return refuse(HttpStatus.BAD_REQUEST, "The Accept header is not a valid list of media types");
            }
        }
        return Optional.empty();
    }

    static Optional<Refusal> contentTypeProblem(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        }
        catch (IllegalArgumentException ex) {
            return refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The Content-Type is not a valid media type and not supported; send application/json");
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "A wildcard Content-Type is not supported; send application/json");
        }
        if ("multipart".equalsIgnoreCase(type.getType()) || MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type)) {
            return refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Form and multipart bodies are not supported; send application/json");
        }
        return Optional.empty();
    }

    /** Why the query string is malformed, if it is: a bad percent-encoding, bytes that are not UTF-8, a value without a name. */
    static Optional<String> queryProblem(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals == 0) {
                return Optional.of("a parameter has a value but no name");
            }
            for (String part : equals < 0 ? List.of(pair) : List.of(pair.substring(0, equals), pair.substring(equals + 1))) {
                Optional<String> problem = encodingProblem(part);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> encodingProblem(String part) {
        ByteBuffer bytes = ByteBuffer.allocate(part.length() * 3);
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= part.length() || Character.digit(part.charAt(i + 1), 16) < 0 || Character.digit(part.charAt(i + 2), 16) < 0) {
                    return Optional.of("a '%' is not followed by two hexadecimal digits");
                }
                bytes.put((byte) Integer.parseInt(part.substring(i + 1, i + 3), 16));
                i += 2;
            }
            else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
        }
        catch (CharacterCodingException ex) {
            return Optional.of("a percent-encoding does not decode as UTF-8");
        }
        return Optional.empty();
    }

    static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F)) {
                return true;
            }
        }
        return false;
    }

    private static String printable(String name) {
        return name.replaceAll("[^A-Za-z0-9!#$%&'*+.^_`|~-]", "?");
    }

    private static Optional<Refusal> refuse(HttpStatus status, String reason) {
        return Optional.of(new Refusal(status, reason));
    }
}
