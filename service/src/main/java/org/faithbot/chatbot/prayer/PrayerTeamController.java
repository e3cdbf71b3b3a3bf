package org.faithbot.chatbot.prayer;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.faithbot.chatbot.system.paging.Page;
import org.faithbot.chatbot.system.security.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The prayer team's API (scope {@code prayer-team}): the queue, claims and responses. */
@RestController
@RequestMapping("/api/v1/prayer-team")
class PrayerTeamController {

    private final PrayerTeamService team;

    PrayerTeamController(PrayerTeamService team) {
        this.team = team;
    }

    @GetMapping("/queue")
    Page<PrayerViews.ForTeam> queue(CurrentUser member,
            @RequestParam(name = "limit", defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(name = "cursor", required = false) @Nullable String cursor) {
        return this.team.queue(member.userId(), limit, cursor);
    }

    @PostMapping("/prayers/{prayerId}/claim")
    PrayerViews.ForTeam claim(CurrentUser member, @PathVariable("prayerId") UUID prayerId) {
        return this.team.claim(member.userId(), prayerId.toString());
    }

    @PostMapping(path = "/prayers/{prayerId}/responses", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PrayerViews.ResponseCreated> respond(CurrentUser member, @PathVariable("prayerId") UUID prayerId,
            @Valid @RequestBody TextRequest request) {
        PrayerViews.ResponseCreated response = this.team.respond(member.userId(), prayerId.toString(), request.text());
        return ResponseEntity.created(URI.create("/api/v1/prayer-team/prayers/" + prayerId + "/responses/"
                + response.responseId())).body(response);
    }
}
