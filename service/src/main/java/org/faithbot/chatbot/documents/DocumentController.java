package org.faithbot.chatbot.documents;

import java.time.Duration;
import java.util.List;

import org.faithbot.chatbot.system.web.ApiProblem;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published documents, open to everyone (they must be readable before registering): JSON with
 * the Markdown body, or the Markdown itself with {@code Accept: text/markdown}. Cacheable, with an
 * ETag; Spring MVC answers a matching {@code If-None-Match} with 304.
 */
@RestController
@RequestMapping("/api/v1/documents")
class DocumentController {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private final DocumentLibrary documents;

    DocumentController(DocumentLibrary documents) {
        this.documents = documents;
    }

    @GetMapping
    ResponseEntity<List<Summary>> list() {
        return ResponseEntity.ok()
            .cacheControl(CACHE)
            .body(this.documents.all()
                .stream()
                .map(document -> new Summary(document.id(), document.title(), document.version(), document.effective(),
                        "/api/v1/documents/" + document.id()))
                .toList());
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PublishedDocument> json(@PathVariable("id") String id) {
        PublishedDocument document = find(id);
        return ResponseEntity.ok().cacheControl(CACHE).eTag(document.etag()).body(document);
    }

    @GetMapping(path = "/{id}", produces = "text/markdown")
    ResponseEntity<String> markdown(@PathVariable("id") String id) {
        PublishedDocument document = find(id);
        return ResponseEntity.ok().cacheControl(CACHE).eTag(document.etag()).contentType(MARKDOWN).body(document.markdown());
    }

    private PublishedDocument find(String id) {
        return this.documents.find(id)
            .orElseThrow(() -> ApiProblem.notFound("No such document; published: " + DocumentLibrary.IDS));
    }

    record Summary(String id, String title, String version, String effective, String href) {
    }
}
