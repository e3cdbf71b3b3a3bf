package org.faithbot.verification.page;

import java.util.Locale;

/** The page's look: one colour per status, the grid, the banner. */
final class PageStyle {

    private PageStyle() {
    }

    static String slug(String status) {
        return "status-" + status.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String label(String status) {
        return status.toLowerCase(Locale.ROOT).replace('_', ' ').replace("sign off", "sign-off").replace("signed off", "signed-off");
    }

    /** The banner's class for a verdict: go, ready, no-go or evidence. */
    static String verdictClass(String verdict) {
        if (verdict.startsWith("GO") || verdict.startsWith("READY FOR STAGING")) {
            return verdict.contains("waivers") ? "verdict-open-waived" : "verdict-open";
        }
        return verdict.startsWith("STAGING EVIDENCE") ? "verdict-evidence" : "verdict-closed";
    }

    static final String CSS = """
            :root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d232a; }
            body { margin: 0; background: #f6f7f9; }
            header.verdict { padding: 24px 32px; color: #fff; }
            header.verdict-open { background: #1e7b34; }
            header.verdict-open-waived { background: #5a6b1e; }
            header.verdict-closed { background: #a4161a; }
            header.verdict-evidence { background: #35495e; }
            header .gate { margin: 0; font-size: 15px; opacity: .92; }
            header h1 { margin: 6px 0 6px; font-size: 40px; letter-spacing: .5px; }
            header .meta { margin: 0; font-size: 14px; opacity: .9; }
            header nav a { color: #fff; margin-right: 18px; font-size: 14px; }
            main { padding: 16px 32px 48px; }
            .chips { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 8px; }
            .chip { padding: 4px 10px; border-radius: 12px; font-size: 14px; }
            .story { margin: 14px 0; }
            .story h2 { font-size: 16px; margin: 0 0 6px; }
            .cells { display: flex; flex-wrap: wrap; gap: 6px; }
            a.cell { display: flex; flex-direction: column; width: 118px; padding: 6px 8px; border-radius: 6px; text-decoration: none;
                     font-size: 12px; border: 1px solid rgba(0,0,0,.08); }
            a.cell .id { font-weight: 700; font-size: 13px; }
            .status-passed { background: #2e9d47; color: #fff; }
            .status-signed-off { background: #17632b; color: #fff; }
            .status-waived { background: #8a6fbf; color: #fff; }
            .status-rehearsed { background: #3f7fc1; color: #fff; }
            .status-partial { background: #e9b52c; color: #1d232a; }
            .status-failed { background: #c62828; color: #fff; }
            .status-expired { background: #b5651d; color: #fff; }
            .status-awaiting-sign-off { background: #f1e6a8; color: #1d232a; }
            .status-skipped { background: #9aa5b1; color: #fff; }
            .status-not-covered { background: repeating-linear-gradient(45deg, #e3e6ea, #e3e6ea 6px, #d2d7dd 6px, #d2d7dd 12px); color: #1d232a; }
            .status-not-run-here { background: #cfd6de; color: #1d232a; }
            #blockers summary { cursor: pointer; font-weight: 600; }
            article.criterion { background: #fff; margin: 12px 0; padding: 12px 16px; border-radius: 6px; border-left: 6px solid #9aa5b1; }
            article.criterion h3 { margin: 0 0 6px; font-size: 16px; }
            article.criterion table { border-collapse: collapse; font-size: 13px; width: 100%; margin-top: 6px; }
            article.criterion th, article.criterion td { text-align: left; border-bottom: 1px solid #e3e6ea; padding: 3px 6px; vertical-align: top; }
            .history { display: inline-flex; gap: 2px; vertical-align: middle; }
            .history span { width: 10px; height: 10px; border-radius: 2px; display: inline-block; }
            .flapping { color: #a4161a; font-weight: 600; }
            dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; font-size: 14px; }
            dt { font-weight: 600; }
            """;
}
