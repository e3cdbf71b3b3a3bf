package org.faithbot.verification.dashboard;

/** Text made safe to place in HTML and SVG, in element content and in double-quoted attributes. */
final class Html {

    private Html() {
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
