package org.faithbot.chatbot.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;

/**
 * The chat page's assets, prepared once at startup from {@code web/} on the class path: each
 * script and style sheet gets a content fingerprint in its name ({@code app.3f9a1c2b7d.js}) and a
 * gzip-compressed copy; {@code index.html} is rendered with the style sheet inlined (one request and
 * connection fewer before the first paint) and a one-line inline loader ({@code app-loader.js}) that
 * requests the fingerprinted script once the browser reports the first paint (a paint entry of the
 * Performance Timeline; where there is none, on the load event; at the latest after 3 s), so that
 * the script is never on the path of the page's first or largest contentful paint (on a slow mobile
 * network a script requested during the parse costs a round trip before the largest paint; one
 * requested from the next animation frame still started before the paint was presented). Both inline sources are allowed by
 * their hashes in the page's CSP ({@link #inlineStyleSource()}, {@link #inlineScriptSource()}),
 * never by {@code 'unsafe-inline'}. Everything is then served from memory.
 * The page's daily verse is rendered into it per day ({@link #indexWith(String)}, by {@link FrontPage}).
 */
public class AssetCatalog {

    static final int FINGERPRINT_LENGTH = 10;

    private final Map<String, Asset> byPublicName = new LinkedHashMap<>();

    static final String DAILY_VERSE = "{{daily-verse}}";

    private final String indexTemplate;

    private final String inlineStyleSource;

    private final String inlineScriptSource;

    private final Asset index;

    public AssetCatalog() {
        Map<String, String> names = new LinkedHashMap<>();
        for (String source : new String[] { "app.js", "app.css" }) {
            Asset asset = fingerprinted(source, read("web/" + source));
            this.byPublicName.put(asset.publicName(), asset);
            names.put(source, asset.publicName());
        }
        String html = new String(read("web/index.html"), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> name : names.entrySet()) {
            html = html.replace("{{" + name.getKey() + "}}", name.getValue());
        }
        String css = new String(read("web/app.css"), StandardCharsets.UTF_8).strip();
        String loader = new String(read("web/app-loader.js"), StandardCharsets.UTF_8).strip()
            .replace("{{app.js}}", names.get("app.js"));
        this.inlineStyleSource = hashSource(css);
        this.inlineScriptSource = hashSource(loader);
        this.indexTemplate = html.replace("{{inline:app.css}}", css).replace("{{inline:app-loader.js}}", loader);
        this.index = indexWith("");
    }

    /** The chat page with {@code dailyVerseHtml} (escaped HTML) in its daily-verse paragraph. */
    public Asset indexWith(String dailyVerseHtml) {
        return asset("index.html", MediaType.TEXT_HTML,
                this.indexTemplate.replace(DAILY_VERSE, dailyVerseHtml).getBytes(StandardCharsets.UTF_8));
    }

    public Optional<Asset> find(String publicName) {
        return Optional.ofNullable(this.byPublicName.get(publicName));
    }

    /** The CSP source that allows the page's inline style sheet and nothing else: {@code 'sha256-...'}. */
    public String inlineStyleSource() {
        return this.inlineStyleSource;
    }

    /** The CSP source that allows the page's inline script loader and nothing else: {@code 'sha256-...'}. */
    public String inlineScriptSource() {
        return this.inlineScriptSource;
    }

    /** The chat page without a daily verse (its script fetches one). */
    public Asset index() {
        return this.index;
    }

    /** The fingerprinted name of a source asset (e.g. {@code app.js}). */
    public String publicName(String source) {
        return this.byPublicName.values()
            .stream()
            .map(Asset::publicName)
            .filter(name -> name.startsWith(source.substring(0, source.lastIndexOf('.')) + ".")
                    && name.endsWith(source.substring(source.lastIndexOf('.'))))
            .findFirst()
            .orElseThrow();
    }

    private static Asset fingerprinted(String source, byte[] raw) {
        int dot = source.lastIndexOf('.');
        String publicName = source.substring(0, dot) + "." + digest(raw).substring(0, FINGERPRINT_LENGTH)
                + source.substring(dot);
        return asset(publicName, mediaType(source), raw);
    }

    private static Asset asset(String publicName, MediaType mediaType, byte[] raw) {
        return new Asset(publicName, mediaType, raw, gzip(raw), "\"" + digest(raw).substring(0, 32) + "\"");
    }

    private static MediaType mediaType(String source) {
        if (source.endsWith(".js")) {
            return MediaType.parseMediaType("text/javascript;charset=UTF-8");
        }
        if (source.endsWith(".css")) {
            return MediaType.parseMediaType("text/css;charset=UTF-8");
        }
        return MediaType.APPLICATION_OCTET_STREAM;
    }

    private static byte[] read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + resource, ex);
        }
    }

    private static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                this.def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(raw);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    private static String hashSource(String inline) {
        return "'sha256-" + Base64.getEncoder().encodeToString(sha256(inline.getBytes(StandardCharsets.UTF_8))) + "'";
    }

    private static String digest(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
