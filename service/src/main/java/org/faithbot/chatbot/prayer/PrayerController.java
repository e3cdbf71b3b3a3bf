package org.faithbot.chatbot.prayer;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.faithbot.chatbot.system.idempotency.IdempotencyKeys;
import org.faithbot.chatbot.system.paging.Page;
import org.faithbot.chatbot.system.security.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Prayer requests: submit (with an Idempotency-Key), the caller's own, the community's, and reports. */
@RestController
@RequestMapping("/api/v1/prayers")
class PrayerController {

    static final String REPLAYED = "Idempotent-Replayed";

    private final PrayerService prayers;

    PrayerController(PrayerService prayers) {
        this.prayers = prayers;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PrayerViews.Created> submit(CurrentUser user,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) @Nullable String idempotencyKey,
            @RequestHeader(name = "Sec-GPC", required = false) @Nullable String globalPrivacyControl,
            @Valid @RequestBody PrayerRequest request) {
        PrayerService.Submission submission = this.prayers.submit(user, IdempotencyKeys.validKey(idempotencyKey),
                request.text(), request.visibility(), "1".equals(globalPrivacyControl));
        return ResponseEntity.created(URI.create("/api/v1/prayers/" + submission.prayer().prayerId()))
            .header(REPLAYED, String.valueOf(submission.replayed()))
            .body(PrayerViews.Created.of(submission.prayer()));
    }

    @GetMapping("/mine")
    Page<PrayerViews.Mine> mine(CurrentUser user,
            @RequestParam(name = "limit", defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(name = "cursor", required = false) @Nullable String cursor) {
        return this.prayers.mine(user.userId(), limit, cursor);
    }

    @GetMapping("/community")
    Page<PrayerViews.Community> community(CurrentUser user,
            @RequestParam(name = "limit", defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(name = "cursor", required = false) @Nullable String cursor) {
        return this.prayers.community(user.userId(), limit, cursor);
    }

    @PostMapping(path = "/{prayerId}/flags", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PrayerViews.Flag> flag(CurrentUser user, @PathVariable("prayerId") UUID prayerId,
            @Valid @RequestBody FlagRequest request) {
        PrayerService.FlagOutcome outcome = this.prayers.flag(user, prayerId.toString(), request.reason());
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.flag());
    }
}
