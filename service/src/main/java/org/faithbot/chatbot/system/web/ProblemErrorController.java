package org.faithbot.chatbot.system.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * Renders the container's error page (errors raised outside Spring MVC, e.g. a rejected URL) as a
 * problem body instead of Spring Boot's default error JSON. Never includes a stack trace.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path) {
            try {
                problem.setInstance(URI.create(UriUtils.encodePath(path, StandardCharsets.UTF_8)));
            }
            catch (IllegalArgumentException notAReference) {
                // a path that is no URI reference (e.g. "//"): the problem goes without its instance
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            HttpStatus status = HttpStatus.resolve(value);
            return (status != null && status.isError()) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return HttpStatus.NOT_FOUND;
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request was rejected as malformed";
            case UNAUTHORIZED -> "Authentication required: send a valid bearer token in the Authorization header";
            case FORBIDDEN -> "Access denied";
            case NOT_FOUND -> "No resource at this path";
            case METHOD_NOT_ALLOWED -> "This method is not supported at this path";
            case CONTENT_TOO_LARGE -> "The request body is too large";
            case UNSUPPORTED_MEDIA_TYPE -> "The content type is not supported";
            case SERVICE_UNAVAILABLE -> "The service is temporarily unavailable; please retry shortly";
            default -> status.is4xxClientError() ? "The request could not be processed"
                    : "An unexpected error occurred";
        };
    }
}
