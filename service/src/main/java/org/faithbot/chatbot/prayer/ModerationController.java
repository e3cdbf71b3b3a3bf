package org.faithbot.chatbot.prayer;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.faithbot.chatbot.system.paging.Page;
import org.faithbot.chatbot.system.security.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Moderation of prayer connect (scope {@code moderator}). */
@RestController
@RequestMapping("/api/v1/moderation")
class ModerationController {

    private final ModerationService moderation;

    ModerationController(ModerationService moderation) {
        this.moderation = moderation;
    }

    @GetMapping("/reports")
    Page<PrayerViews.Report> reports(CurrentUser moderator,
            @RequestParam(name = "limit", defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(name = "cursor", required = false) @Nullable String cursor) {
        return this.moderation.openReports(moderator.userId(), limit, cursor);
    }

    @GetMapping("/prayers/{prayerId}")
    PrayerViews.ForModeration prayer(@PathVariable("prayerId") UUID prayerId) {
        return this.moderation.prayer(prayerId.toString());
    }

    @PostMapping("/prayers/{prayerId}/hide")
    PrayerViews.Hidden hide(CurrentUser moderator, @PathVariable("prayerId") UUID prayerId) {
        return this.moderation.hide(moderator.userId(), prayerId.toString());
    }
}
