package org.faithbot.chatbot.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.faithbot.chatbot.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The chat page: index revalidated, fingerprinted assets cached for a year, gzip when accepted, 304. */
class WebFrontTest extends ApiTest {

    private static final Pattern SCRIPT = Pattern.compile("/assets/(app\\.[0-9a-f]{10}\\.js)");

    private static final Pattern STYLES = Pattern.compile("/assets/(app\\.[0-9a-f]{10}\\.css)");

    @Test
    void theIndexIsRevalidatedOnEveryLoadAndPointsToFingerprintedAssets() throws Exception {
        MvcResult index = this.mvc.perform(get("/"))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "text/html"))
            .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-cache"))
            .andExpect(header().exists(HttpHeaders.ETAG))
            .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
            .andReturn();
        String html = index.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(SCRIPT.matcher(html).find()).isTrue();
        assertThat(STYLES.matcher(html).find()).as("the style sheet is inline, not linked").isFalse();
        assertThat(html).doesNotContain("{{").doesNotContain("style=").doesNotContainPattern("\\son[a-z]+=").doesNotContain("javascript:");
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
        assertThat(style.find()).isTrue();
        Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(scripts.find()).as("one inline script").isTrue();
        assertThat(scripts.group(1)).as("the script is inline, not linked: it requests the app's script after the first paint")
            .isEmpty();
        String loader = scripts.group(2);
        assertThat(SCRIPT.matcher(loader).find()).as("the loader requests the fingerprinted script").isTrue();
        assertThat(scripts.find()).as("no other script in the page").isFalse();
        assertThat(index.getResponse().getHeaders("Content-Security-Policy")).as("one policy, allowing that style and that script by their hashes only")
            .singleElement().asString()
            .contains("style-src 'self' 'sha256-" + sha256(style.group(1)) + "';")
            .contains("script-src 'self' 'sha256-" + sha256(loader) + "';")
            .doesNotContain("unsafe-inline");
        this.mvc.perform(get("/").header(HttpHeaders.IF_NONE_MATCH, index.getResponse().getHeader(HttpHeaders.ETAG)))
            .andExpect(status().isNotModified());
    }

    @Test
    void assetsAreImmutableAndGzippedWhenTheClientAcceptsIt() throws Exception {
        String html = this.mvc.perform(get("/index.html")).andReturn().getResponse().getContentAsString();
        Matcher script = SCRIPT.matcher(html);
        assertThat(script.find()).isTrue();
        String path = "/assets/" + script.group(1);

        MvcResult plain = this.mvc.perform(get(path))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "text/javascript;charset=UTF-8"))
            .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=31536000, public, immutable"))
            .andExpect(header().string(HttpHeaders.VARY, org.hamcrest.Matchers.containsString("Accept-Encoding")))
            .andExpect(header().doesNotExist(HttpHeaders.CONTENT_ENCODING))
            .andReturn();
        byte[] raw = plain.getResponse().getContentAsByteArray();

        MvcResult gzipped = this.mvc.perform(get(path).header(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate, br"))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CONTENT_ENCODING, "gzip"))
            .andReturn();
        byte[] compressed = gzipped.getResponse().getContentAsByteArray();
        assertThat(compressed.length).isLessThan(raw.length / 2);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            assertThat(in.readAllBytes()).isEqualTo(raw);
        }
        this.mvc.perform(get(path).header(HttpHeaders.IF_NONE_MATCH, plain.getResponse().getHeader(HttpHeaders.ETAG)))
            .andExpect(status().isNotModified());
    }

    @Test
    void gzipIsNotSentWhenRefused() {
        assertThat(WebFrontController.acceptsGzip("gzip;q=0, identity")).isFalse();
        assertThat(WebFrontController.acceptsGzip("br, gzip;q=0.8")).isTrue();
        assertThat(WebFrontController.acceptsGzip(null)).isFalse();
    }

    @Test
    void theDaysVerseIsInTheFirstDocumentSoTheLargestElementNeedsNoSecondRequest() throws Exception {
        String daily = this.mvc.perform(get("/api/v1/verses/daily")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String reference = tools.jackson.databind.json.JsonMapper.builder().build().readTree(daily).path("verse").path("reference").asString();
        String html = this.mvc.perform(get("/")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher verse = Pattern.compile("<p id=\"daily-verse\"[^>]*>([^<]+)</p>").matcher(html);
        assertThat(verse.find()).as("the daily-verse paragraph holds the verse").isTrue();
        assertThat(verse.group(1)).contains(org.springframework.web.util.HtmlUtils.htmlEscape(reference));
        String again = this.mvc.perform(get("/")).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(this.mvc.perform(get("/")).andReturn().getResponse().getHeader(HttpHeaders.ETAG)).as("the same page all day").isEqualTo(again);
    }

    private static String sha256(String inline) throws java.security.NoSuchAlgorithmException {
        return java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
            .digest(inline.getBytes(StandardCharsets.UTF_8)));
    }
}
