package org.faithbot.chatbot.account;

import java.net.URI;

import jakarta.validation.Valid;
import org.faithbot.chatbot.system.Timestamps;
import org.faithbot.chatbot.system.security.CurrentUser;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Registration of the caller's account ({@code sub}) with explicit consents. */
@RestController
class RegistrationController {

    private final ConsentService consents;

    RegistrationController(ConsentService consents) {
        this.consents = consents;
    }

    @PostMapping(path = "/api/v1/accounts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AccountViews.Account> register(CurrentUser user, @Valid @RequestBody ConsentsRequest request) {
        ConsentService.Registration registration = this.consents.register(user, request.consents());
        return ResponseEntity.created(URI.create("/api/v1/me/consents"))
            .body(new AccountViews.Account(user.userId(), Timestamps.format(registration.registeredAt()),
                    AccountViews.Consent.of(registration.consents())));
    }
}
