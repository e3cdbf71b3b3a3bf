package org.faithbot.chatbot.system.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.faithbot.chatbot.system.dynamodb.IncompleteBatchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for every error raised in Spring MVC: the standard MVC exceptions
 * (405, 406, 415, 404, ...) through {@link ResponseEntityExceptionHandler}, unreadable bodies with
 * a reason that never echoes the input, validation with an {@code errors} list, DynamoDB failures
 * as 503. No stack trace ever reaches a response body.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var tooLarge = RequestBodyTooLargeException.findIn(ex);
        if (tooLarge.isPresent()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    tooLarge.get().getMessage());
            return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                UnreadableBodyReason.of(ex));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult()
            .getFieldErrors()
            .stream()
            .map(ProblemDetailsAdvice::fieldError)
            .toList();
        String reasons = String.join("; ",
                errors.stream().map(error -> error.get("field") + " " + error.get("message")).toList());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Validation failed: " + (reasons.isEmpty() ? "the request is invalid" : reasons));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
                : ex.getPropertyName();
        Class<?> type = ex.getRequiredType();
        String expected = (type == null) ? "another type"
                : UUID.class.equals(type) ? "a UUID"
                        : Number.class.isAssignableFrom(type) || type.isPrimitive() ? "a number"
                                : type.isEnum() ? "one of " + Arrays.toString(type.getEnumConstants())
                                        : "a " + type.getSimpleName();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Parameter '" + name + "' must be " + expected);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = (result.getMethodParameter().getParameterName() != null)
                    ? result.getMethodParameter().getParameterName() : "parameter";
            RequestParam param = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
            if (param != null && !param.name().isEmpty()) {
                name = param.name();
            }
            RequestHeader header = result.getMethodParameter().getParameterAnnotation(RequestHeader.class);
            if (header != null && !header.name().isEmpty()) {
                name = header.name();
            }
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String message = (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid";
                errors.add(Map.of("field", name, "message", message));
            }
        });
        String reasons = String.join("; ",
                errors.stream().map(error -> error.get("field") + " " + error.get("message")).toList());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Validation failed: " + (reasons.isEmpty() ? "the request is invalid" : reasons));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
        ex.properties().forEach(problem::setProperty);
        return ResponseEntity.status(ex.status()).body(problem);
    }

    @ExceptionHandler({ SdkException.class, IncompleteBatchException.class })
    ResponseEntity<ProblemDetail> dataStoreUnavailable(RuntimeException ex) {
        log.warn("Data store call failed: {}: {}", ex.getClass().getSimpleName(), ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The data store is temporarily unavailable; please retry shortly");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, "1")
            .body(problem);
    }

    /** Left to Spring Security's exception translation (401 / 403). */
    @ExceptionHandler({ AuthenticationException.class, AccessDeniedException.class })
    void securityException(RuntimeException ex) {
        throw ex;
    }

    /** A header the firewall refuses, read by a handler (the request's shape is checked first, so rarely). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException ex) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request was rejected: one of its headers is not allowed"));
    }

    /** A multipart body the container cannot parse (the request's shape refuses multipart first, so rarely). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException ex) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(ProblemDetail.forStatusAndDetail(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Multipart bodies are not supported; send application/json"));
    }

    /** Parameters the container cannot decode (its message quotes them: never logged). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameters(InvalidParameterException ex) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The query string or the form parameters could not be decoded"));
    }

    @ExceptionHandler(InvalidMediaTypeException.class)
    ResponseEntity<ProblemDetail> invalidMediaType(InvalidMediaTypeException ex) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(ProblemDetail.forStatusAndDetail(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "A media type of the request is not valid; send application/json"));
    }

    /**
     * Anything else: a 500, logged by its class and where it was thrown, never by its message (an exception's message
     * may quote what the caller sent: a parameter, a header, a user's words).
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("Unexpected error: {}", ThrownAt.describe(ex));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred");
        return ResponseEntity.internalServerError().body(problem);
    }

    private static Map<String, String> fieldError(FieldError error) {
        String message = (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid";
        return Map.of("field", error.getField(), "message", message);
    }
}
