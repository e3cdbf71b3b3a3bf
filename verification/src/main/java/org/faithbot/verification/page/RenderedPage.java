package org.faithbot.verification.page;

import org.faithbot.verification.browser.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The launch-readiness page as a browser shows it (headless Chromium at a laptop's first screen, 1366 x 768), read
 * back: the verdict and gate as displayed, where the verdict sits on the first screen and whether it comes before
 * the grid, every cell's criterion and displayed status, the page's whole visible text, and a screenshot.
 *
 * @param verdictTop    the verdict's distance from the page's top, in CSS pixels
 * @param verdictFirst  whether the verdict precedes every cell of the grid and every other heading
 * @param cells         criterion id to the status text the cell displays
 * @param cellCount     how many cells the page shows (a criterion shown twice counts twice)
 * @param screenshot    the first screen, PNG
 */
public record RenderedPage(String verdict, String gate, long verdictTop, long viewportHeight, boolean verdictFirst,
                           Map<String, String> cells, int cellCount, String text, byte[] screenshot) {

    public static final int WIDTH = 1366;
    public static final int HEIGHT = 768;

    public static RenderedPage of(Path html) {
        try (HeadlessChromium browser = HeadlessChromium.start(WIDTH, HEIGHT)) {
            ChromeDriver driver = browser.driver();
            driver.get(html.toUri().toString());
            WebElement verdict = driver.findElement(By.id("verdict"));
            List<WebElement> cellElements = driver.findElements(By.cssSelector("a.cell"));
            Map<String, String> cells = new LinkedHashMap<>();
            for (WebElement cell : cellElements) {
                cells.put(cell.findElement(By.cssSelector(".id")).getText().trim(), cell.findElement(By.cssSelector(".status")).getText().trim());
            }
            Object first = driver.executeScript("""
                    const verdict = document.getElementById('verdict');
                    const others = document.querySelectorAll('a.cell, h1, h2, h3');
                    for (const o of others) {
                      if (o !== verdict && (verdict.compareDocumentPosition(o) & Node.DOCUMENT_POSITION_PRECEDING)) { return false; }
                      if (o !== verdict && o.getBoundingClientRect().top < verdict.getBoundingClientRect().top) { return false; }
                    }
                    return true;""");
            long viewport = ((Number) driver.executeScript("return window.innerHeight;")).longValue();
            long top = ((Number) driver.executeScript("return Math.round(document.getElementById('verdict').getBoundingClientRect().top + window.scrollY);")).longValue();
            return new RenderedPage(verdict.getText().trim(), driver.findElement(By.id("gate")).getText().trim(), top, viewport,
                    Boolean.TRUE.equals(first), cells, cellElements.size(), driver.findElement(By.tagName("body")).getText(),
                    driver.getScreenshotAs(OutputType.BYTES));
        }
    }
}
