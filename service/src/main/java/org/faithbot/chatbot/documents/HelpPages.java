package org.faithbot.chatbot.documents;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.faithbot.chatbot.web.AssetCatalog;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The published documents as help pages members read in a browser ({@code /help/<id>}): the Markdown rendered to
 * HTML (CommonMark with tables; raw HTML in the source escaped), in a page with the chat page's style sheet, one main
 * landmark, a skip link, the language set, and a navigation back to the chat and to the other documents. Rendered
 * once per document and held in memory.
 */
@Component
class HelpPages {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true).build();

    private final DocumentLibrary documents;

    private final AssetCatalog assets;

    private final Map<String, String> rendered = new ConcurrentHashMap<>();

    HelpPages(DocumentLibrary documents, AssetCatalog assets) {
        this.documents = documents;
        this.assets = assets;
    }

    /** The page of a published document, or empty when there is no such document. */
    java.util.Optional<String> page(String id) {
        return this.documents.find(id).map(document -> this.rendered.computeIfAbsent(id, key -> render(document)));
    }

    private String render(PublishedDocument document) {
        StringBuilder navigation = new StringBuilder("<a href=\"/\">Back to the chat</a>");
        for (PublishedDocument other : this.documents.all()) {
            navigation.append(" · ");
            if (other.id().equals(document.id())) {
                navigation.append("<span aria-current=\"page\">").append(HtmlUtils.htmlEscape(other.title())).append("</span>");
            }
            else {
                navigation.append("<a href=\"/help/").append(other.id()).append("\">").append(HtmlUtils.htmlEscape(other.title())).append("</a>");
            }
        }
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%s · Faithbot</title>
                  <link rel="icon" href="data:,">
                  <link rel="stylesheet" href="/assets/%s">
                </head>
                <body>
                  <a class="skip-link" href="#content">Skip to the content</a>
                  <header>
                    <nav aria-label="Help">%s</nav>
                  </header>
                  <main id="content">
                %s
                  </main>
                  <footer>
                    <p>Version %s, effective %s. In crisis? Call or text <strong>988</strong> (US) or your local emergency number.</p>
                  </footer>
                </body>
                </html>
                """.formatted(HtmlUtils.htmlEscape(document.title()), this.assets.publicName("app.css"), navigation,
                this.renderer.render(this.parser.parse(document.markdown())), HtmlUtils.htmlEscape(document.version()),
                HtmlUtils.htmlEscape(document.effective()));
    }
}
