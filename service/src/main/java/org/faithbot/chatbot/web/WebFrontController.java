package org.faithbot.chatbot.web;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.faithbot.chatbot.system.security.ContentSecurityPolicy;
import org.faithbot.chatbot.system.web.ApiProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chat page, from memory ({@link AssetCatalog}, the day's page from {@link FrontPage}, its style
 * sheet and script loader inline, allowed by their hashes in its CSP, and the day's verse in it): {@code index.html} revalidated on every load
 * ({@code no-cache} with an ETag), the fingerprinted scripts and styles cached for a year
 * ({@code public, max-age=31536000, immutable}); each sent gzip-compressed when the client accepts
 * it ({@code Vary: Accept-Encoding}); a matching {@code If-None-Match} gets 304. Counted in
 * {@code web.assets.served}.
 */
@RestController
class WebFrontController {

    static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    static final CacheControl REVALIDATE = CacheControl.noCache();

    private final AssetCatalog assets;

    private final FrontPage frontPage;

    private final MeterRegistry registry;

    WebFrontController(AssetCatalog assets, FrontPage frontPage, MeterRegistry registry) {
        this.assets = assets;
        this.frontPage = frontPage;
        this.registry = registry;
    }

    @GetMapping({ "/", "/index.html" })
    ResponseEntity<byte[]> index(@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false)
            @Nullable String acceptEncoding) {
        HttpHeaders policy = new HttpHeaders();
        policy.set("Content-Security-Policy", ContentSecurityPolicy.withInline(this.assets.inlineStyleSource(),
                this.assets.inlineScriptSource()));
        return serve(this.frontPage.today(), REVALIDATE, acceptEncoding, policy);
    }

    @GetMapping("/assets/{name:[a-z0-9.-]+}")
    ResponseEntity<byte[]> asset(@PathVariable("name") String name,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) @Nullable String acceptEncoding) {
        Asset asset = this.assets.find(name).orElseThrow(() -> ApiProblem.notFound("No such asset"));
        return serve(asset, IMMUTABLE, acceptEncoding, HttpHeaders.EMPTY);
    }

    private ResponseEntity<byte[]> serve(Asset asset, CacheControl cacheControl, @Nullable String acceptEncoding, HttpHeaders extra) {
        boolean gzip = acceptsGzip(acceptEncoding);
        this.registry.counter("web.assets.served", "asset", asset.publicName().replaceAll("\\.[0-9a-f]{10}\\.", "."),
                "encoding", gzip ? "gzip" : "identity").increment();
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
            .contentType(asset.mediaType())
            .cacheControl(cacheControl)
            .eTag(asset.etag())
            .varyBy(HttpHeaders.ACCEPT_ENCODING)
            .headers(extra);
        if (gzip) {
            return response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(asset.gzipped());
        }
        return response.body(asset.raw());
    }

    static boolean acceptsGzip(@Nullable String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.toLowerCase(java.util.Locale.ROOT).split(",")) {
            String[] parts = coding.strip().split(";");
            if (parts[0].strip().equals("gzip") || parts[0].strip().equals("*")) {
                return parts.length == 1 || !parts[1].replace(" ", "").equals("q=0");
            }
        }
        return false;
    }
}
