package org.faithbot.chatbot.system.release.fault;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers an {@link InjectedReleaseFault} with a 500 problem: the only deliberate 5xx of the service.
 * Ahead of the service's general advice (whose catch-all would answer "unexpected error"); exists
 * only with the {@link ChatFailureInjector}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
@Conditional(ChatFailureInjector.RatioAboveZero.class)
class InjectedReleaseFaultProblem {

    private static final Logger log = LoggerFactory.getLogger(InjectedReleaseFaultProblem.class);

    @ExceptionHandler(InjectedReleaseFault.class)
    ResponseEntity<ProblemDetail> injectedReleaseFault(InjectedReleaseFault ex) {
        log.warn("Chat request failed on purpose by the release fault switch");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "This release failed the request on purpose (release fault switch chat-failure-ratio)");
        return ResponseEntity.internalServerError().body(problem);
    }
}
