package org.faithbot.chatbot.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;

/**
 * The published documents, read once from {@code documents/<id>.md} on the class path: a front
 * matter block ({@code title}, {@code version}, {@code effective}) then Markdown.
 */
public class DocumentLibrary {

    public static final String PRIVACY_POLICY = "privacy-policy";

    public static final String TERMS_OF_SERVICE = "terms-of-service";

    public static final String COMMUNITY_GUIDELINES = "community-guidelines";

    public static final String USER_GUIDE = "user-guide";

    public static final String FAQ = "faq";

    public static final String ACCESSIBILITY = "accessibility";

    static final List<String> IDS = List.of(PRIVACY_POLICY, TERMS_OF_SERVICE, COMMUNITY_GUIDELINES, USER_GUIDE, FAQ, ACCESSIBILITY);

    private final Map<String, PublishedDocument> documents;

    public DocumentLibrary(List<PublishedDocument> documents) {
        Map<String, PublishedDocument> byId = new LinkedHashMap<>();
        documents.forEach(document -> byId.put(document.id(), document));
        this.documents = Map.copyOf(byId);
    }

    public static DocumentLibrary loadDefault() {
        return new DocumentLibrary(IDS.stream().map(DocumentLibrary::load).toList());
    }

    public Optional<PublishedDocument> find(String id) {
        return Optional.ofNullable(this.documents.get(id));
    }

    public PublishedDocument get(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("no document " + id));
    }

    public List<PublishedDocument> all() {
        return IDS.stream().map(this.documents::get).toList();
    }

    static PublishedDocument load(String id) {
        String resource = "documents/" + id + ".md";
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return parse(id, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + resource, ex);
        }
    }

    static PublishedDocument parse(String id, String text) {
        String normalized = text.replace("\r\n", "\n");
        if (!normalized.startsWith("---\n")) {
            throw new IllegalArgumentException("document " + id + " has no front matter");
        }
        int end = normalized.indexOf("\n---\n", 4);
        Map<String, String> meta = new LinkedHashMap<>();
        for (String line : normalized.substring(4, end).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                meta.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return new PublishedDocument(id, meta.get("title"), meta.get("version"), meta.get("effective"),
                normalized.substring(end + 5).strip() + "\n");
    }
}
