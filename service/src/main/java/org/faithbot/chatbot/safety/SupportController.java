package org.faithbot.chatbot.safety;

import java.time.Clock;
import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.faithbot.chatbot.system.Timestamps;
import org.faithbot.chatbot.system.paging.Page;
import org.faithbot.chatbot.system.security.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The support team's view of crisis escalations (scope {@code support} or {@code operator}). */
@RestController
@RequestMapping("/api/v1/support/escalations")
class SupportController {

    private final EscalationService escalations;

    private final Clock clock;

    SupportController(EscalationService escalations, Clock clock) {
        this.escalations = escalations;
        this.clock = clock;
    }

    @GetMapping
    Page<EscalationView> list(CurrentUser caller,
            @RequestParam(name = "status", defaultValue = Escalation.OPEN) @Pattern(regexp = "OPEN|ACKNOWLEDGED",
                    message = "must be OPEN or ACKNOWLEDGED") String status,
            @RequestParam(name = "limit", defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(name = "cursor", required = false) @Nullable String cursor) {
        Instant now = this.clock.instant();
        return this.escalations.list(status, limit, cursor, caller.userId()).map(escalation -> view(escalation, now));
    }

    @PostMapping("/{escalationId}/acknowledge")
    EscalationView acknowledge(CurrentUser caller, @PathVariable("escalationId") java.util.UUID escalationId) {
        return view(this.escalations.acknowledge(escalationId.toString(), caller.userId()), this.clock.instant());
    }

    private EscalationView view(Escalation escalation, Instant now) {
        return new EscalationView(escalation.escalationId(), escalation.userId(), escalation.category(),
                escalation.source(), escalation.sourceId(), escalation.status(), Timestamps.format(escalation.createdAt()),
                Timestamps.format(escalation.dueAt()),
                (escalation.acknowledgedAt() != null) ? Timestamps.format(escalation.acknowledgedAt()) : null,
                escalation.overdue(now), escalation.signalCount(), Timestamps.format(escalation.lastSignalAt()),
                this.escalations.responseStandard().toString());
    }

    /** An escalation as the support team sees it (who, what kind, from where, and its response-time standard). */
    record EscalationView(String escalationId, String userId, String category, String source, String sourceId,
            String status, String createdAt, String dueAt, @Nullable String acknowledgedAt, boolean overdue,
            long signalCount, String lastSignalAt, String responseStandard) {
    }
}
