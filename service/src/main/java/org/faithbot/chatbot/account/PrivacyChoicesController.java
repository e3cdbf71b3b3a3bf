package org.faithbot.chatbot.account;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.faithbot.chatbot.privacy.AuditEntry;
import org.faithbot.chatbot.privacy.PrivacyAuditTrail;
import org.faithbot.chatbot.system.security.CurrentUser;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's consents, CCPA opt-out and their privacy audit entries. */
@RestController
@RequestMapping("/api/v1/me")
class PrivacyChoicesController {

    private final ConsentService consents;

    private final SaleSharingOptOutService optOuts;

    private final PrivacyAuditTrail audit;

    PrivacyChoicesController(ConsentService consents, SaleSharingOptOutService optOuts, PrivacyAuditTrail audit) {
        this.consents = consents;
        this.optOuts = optOuts;
        this.audit = audit;
    }

    @GetMapping("/consents")
    AccountViews.Consents consents(CurrentUser user) {
        return view(this.consents.history(user.userId()));
    }

    @PutMapping(path = "/consents", consumes = MediaType.APPLICATION_JSON_VALUE)
    AccountViews.Consents changeConsents(CurrentUser user, @Valid @RequestBody ConsentsRequest request) {
        return view(this.consents.update(user, request.consents()));
    }

    @GetMapping("/privacy/sale-sharing-opt-out")
    AccountViews.OptOut optOut(CurrentUser user) {
        return AccountViews.OptOut.of(this.optOuts.current(user.userId()));
    }

    @PutMapping(path = "/privacy/sale-sharing-opt-out", consumes = MediaType.APPLICATION_JSON_VALUE)
    AccountViews.OptOut setOptOut(CurrentUser user, @Valid @RequestBody OptOutRequest request) {
        return AccountViews.OptOut.of(this.optOuts.set(user, request.optOut(), "api"));
    }

    @GetMapping("/privacy/audit")
    List<AuditEntry> auditTrail(CurrentUser user,
            @RequestParam(name = "limit", defaultValue = "50") @Min(1) @Max(200) int limit) {
        return this.audit.entriesOf(user.userId(), limit);
    }

    private AccountViews.Consents view(List<ConsentRecord> history) {
        List<AccountViews.Purpose> purposes = ConsentPurpose.ALL.stream()
            .map(purpose -> new AccountViews.Purpose(purpose.name(), purpose.document(),
                    this.consents.currentVersion(purpose), purpose.required()))
            .toList();
        return new AccountViews.Consents(AccountViews.Consent.of(ConsentRepository.current(history)),
                AccountViews.Consent.of(history), purposes);
    }
}
