package org.faithbot.chatbot.scripture;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.validation.constraints.Pattern;
import org.faithbot.chatbot.system.web.ApiProblem;
import org.faithbot.chatbot.system.web.CachedJson;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The verse library, open and cacheable (a CDN may keep it): the daily verse and the verses by
 * topic, with {@code Cache-Control: public} and a strong ETag; a matching {@code If-None-Match} is
 * answered 304 without a body. Representations come from the in-process caches.
 */
@RestController
@RequestMapping("/api/v1/verses")
class VerseController {

    static final CacheControl DAILY = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    static final CacheControl LIBRARY = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private final VerseCatalog catalog;

    private final Clock clock;

    VerseController(VerseCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping("/daily")
    ResponseEntity<byte[]> daily() {
        return cached(this.catalog.daily(LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC)), DAILY);
    }

    @GetMapping
    ResponseEntity<byte[]> verses(@RequestParam(name = "topic", required = false) @Nullable @Pattern(
            regexp = "[a-z]{1,40}", message = "must be a topic name (lower-case letters)") String topic) {
        CachedJson verses = this.catalog.verses((topic != null) ? topic : VerseCatalog.ALL_TOPICS)
            .orElseThrow(() -> ApiProblem.notFound("No such topic; topics: " + this.catalog.topicNames()));
        return cached(verses, LIBRARY);
    }

    private static ResponseEntity<byte[]> cached(CachedJson json, CacheControl cacheControl) {
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_JSON)
            .cacheControl(cacheControl)
            .eTag(json.etag())
            .body(json.body());
    }
}
