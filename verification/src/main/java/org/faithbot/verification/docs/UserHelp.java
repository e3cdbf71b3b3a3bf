package org.faithbot.verification.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.faithbot.verification.browser.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AC-6.1 in a browser: the chat page in headless Chromium, its links to the help pages followed by clicking them,
 * each page (the chat page included) scanned by axe-core for the WCAG 2.1 A and AA rules, and the chat used with the
 * keyboard alone (Tab to the token, type it, Enter; Tab to the message box, type, Enter; the reply read back).
 */
public final class UserHelp {

    /** The WCAG 2.1 A and AA rule tags axe-core runs: what the accessibility guide says the scan checks. */
    public static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /** A page reached: the link's text on the chat page, where it led, the page's main heading. */
    public record Reached(String link, String url, String heading) {
    }

    /** A violation axe-core found: the page, the rule, its impact, how many elements. */
    public record Violation(String page, String rule, String impact, int nodes, String help) {
        public boolean seriousOrCritical() {
            return "serious".equals(impact) || "critical".equals(impact);
        }
    }

    /** What the keyboard-only chat did: how many Tab presses each field took, and the reply read back (null: none). */
    public record KeyboardChat(int tabsToToken, int tabsToMessage, String reply) {
    }

    public record Outcome(List<Reached> reached, List<String> missing, List<Violation> violations, List<String> scanned, KeyboardChat keyboard) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TABS = 40;

    private UserHelp() {
    }

    /**
     * @param links  the help pages the chat page must link to: link text to path (e.g. "User guide" to /help/user-guide)
     * @param axe    axe-core's {@code axe.min.js}
     * @param token  a member's bearer token, for the keyboard-only chat
     */
    public static Outcome check(String baseUrl, Map<String, String> links, Path axe, String token) {
        String axeSource = read(axe);
        try (HeadlessChromium browser = HeadlessChromium.start(1280, 900)) {
            ChromeDriver driver = browser.driver();
            List<Violation> violations = new ArrayList<>();
            List<String> scanned = new ArrayList<>();
            driver.get(baseUrl + "/");
            violations.addAll(scan(driver, axeSource, "/"));
            scanned.add("/");
            List<Reached> reached = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (Map.Entry<String, String> link : links.entrySet()) {
                driver.get(baseUrl + "/");
                List<WebElement> anchors = driver.findElements(By.cssSelector("a[href='" + link.getValue() + "']"));
                if (anchors.isEmpty()) {
                    missing.add(link.getKey() + " (" + link.getValue() + "): no link on the chat page");
                    continue;
                }
                anchors.getFirst().click();
                new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith(link.getValue())
                        && !d.findElements(By.tagName("main")).isEmpty());
                List<WebElement> headings = driver.findElements(By.cssSelector("main h1"));
                reached.add(new Reached(link.getKey(), driver.getCurrentUrl(), headings.isEmpty() ? null : headings.getFirst().getText()));
                violations.addAll(scan(driver, axeSource, link.getValue()));
                scanned.add(link.getValue());
            }
            return new Outcome(reached, missing, violations, scanned, chatByKeyboard(driver, baseUrl, token));
        }
    }

    /** axe-core injected into the page and run for the WCAG 2.1 A and AA rules; its violations. */
    static List<Violation> scan(ChromeDriver driver, String axeSource, String page) {
        driver.executeScript(axeSource);
        Object result = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: " + toJson(WCAG_TAGS) + "}, resultTypes: ['violations']})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); }, function (e) { done('ERROR ' + e); });");
        String json = String.valueOf(result);
        if (json.startsWith("ERROR")) {
            throw new IllegalStateException("axe-core failed on " + page + ": " + json);
        }
        List<Violation> violations = new ArrayList<>();
        try {
            for (JsonNode violation : JSON.readTree(json)) {
                violations.add(new Violation(page, violation.path("id").asText(), violation.path("impact").asText("unknown"),
                        violation.path("nodes").size(), violation.path("help").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }

    private static KeyboardChat chatByKeyboard(ChromeDriver driver, String baseUrl, String token) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.get(baseUrl + "/");
        driver.executeScript("window.localStorage.clear(); document.activeElement && document.activeElement.blur();");
        driver.navigate().refresh();
        int tabsToToken = tabUntil(driver, "token");
        if (tabsToToken < 0) {
            return new KeyboardChat(-1, -1, null);
        }
        new Actions(driver).sendKeys(token).sendKeys(Keys.ENTER).perform();
        int tabsToMessage = tabUntil(driver, "message");
        if (tabsToMessage < 0) {
            return new KeyboardChat(tabsToToken, -1, null);
        }
        new Actions(driver).sendKeys("I am thankful for this morning").sendKeys(Keys.ENTER).perform();
        String reply;
        try {
            reply = new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
                List<WebElement> replies = d.findElements(By.cssSelector("#messages li.assistant"));
                return replies.isEmpty() ? null : replies.getFirst().getText();
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            reply = null;
        }
        return new KeyboardChat(tabsToToken, tabsToMessage, reply);
    }

    /** Presses Tab (on whatever has the focus) until the element of this id has it; the presses, or -1. */
    private static int tabUntil(ChromeDriver driver, String id) {
        for (int tabs = 1; tabs <= MAX_TABS; tabs++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            if (id.equals(driver.switchTo().activeElement().getAttribute("id"))) {
                return tabs;
            }
        }
        return -1;
    }

    /** The help pages the accessibility guide says the scan covers, with their links: name to path. */
    public static Map<String, String> helpPages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("User guide", "/help/user-guide");
        pages.put("FAQ", "/help/faq");
        pages.put("Accessibility", "/help/accessibility");
        return pages;
    }

    private static String toJson(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is not installed at " + path + ": bin/test and bin/launch-readiness install it (tools/)", e);
        }
    }
}
