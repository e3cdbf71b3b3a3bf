package org.faithbot.chatbot.documents;

import java.time.Duration;

import org.faithbot.chatbot.system.web.ApiProblem;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The help pages ({@code /help/<id>}: the user guide, the FAQ, the accessibility guide and the policies), open to
 * everyone and linked from the chat page. HTML for people; the same documents as data are under
 * {@code /api/v1/documents}. Cacheable for an hour, with an ETag.
 */
@Hidden
@RestController
class HelpPageController {

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private final HelpPages pages;

    private final DocumentLibrary documents;

    HelpPageController(HelpPages pages, DocumentLibrary documents) {
        this.pages = pages;
        this.documents = documents;
    }

    @GetMapping(path = "/help/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable("id") String id) {
        String page = this.pages.page(id).orElseThrow(() -> ApiProblem.notFound("No such help page; published: " + DocumentLibrary.IDS));
        return ResponseEntity.ok()
            .cacheControl(CACHE)
            .eTag(this.documents.get(id).etag())
            .contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
            .body(page);
    }
}
