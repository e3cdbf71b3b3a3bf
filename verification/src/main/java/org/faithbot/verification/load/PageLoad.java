package org.faithbot.verification.load;

import org.faithbot.verification.browser.HeadlessChromium;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Page loads in headless Chromium (Debian's chromium and chromium-driver, driven by Selenium), on an
 * emulated network set through the DevTools protocol (Network.emulateNetworkConditions), with the
 * browser cache disabled: every load is a first visit. The load time is the page's own Navigation
 * Timing: loadEventEnd, from the start of the navigation to the end of the load event, all
 * sub-resources included.
 */
public final class PageLoad implements AutoCloseable {

    /** An emulated network: round-trip latency added to each request, and throughputs in bits per second. */
    public record Network(String name, int latencyMillis, long downloadBitsPerSecond, long uploadBitsPerSecond) {

        /**
         * 150 ms added to each request by DevTools, 1.6 Mbps down, 750 kbps up: a request-level emulation, which does not
         * multiply round trips as a real link does (Lighthouse's simulation does); reported, not judged.
         */
        public static final Network REQUEST_LEVEL_3G = new Network("150 ms added to each request, 1.6 Mbps down, 750 kbps up (request-level emulation)",
                150, 1_600_000, 750_000);
        public static final Network UNTHROTTLED = new Network("loopback, unthrottled", 0, -1, -1);

        String describe() {
            return name;
        }
    }

    /** One page load: Navigation Timing figures in ms, and the bytes transferred for the page and its resources. */
    public record Sample(double loadMillis, double domContentLoadedMillis, double firstByteMillis, long transferredBytes, int resources) {
    }

    private final HeadlessChromium browser;
    private final ChromeDriver driver;

    private PageLoad(HeadlessChromium browser) {
        this.browser = browser;
        this.driver = browser.driver();
    }

    /** Starts headless Chromium on the given network, its cache disabled. */
    public static PageLoad open(Network network) {
        HeadlessChromium browser = HeadlessChromium.start(1280, 900);
        ChromeDriver driver = browser.driver();
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        if (network.downloadBitsPerSecond() > 0) {
            driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of(
                    "offline", false,
                    "latency", network.latencyMillis(),
                    "downloadThroughput", network.downloadBitsPerSecond() / 8.0,
                    "uploadThroughput", network.uploadBitsPerSecond() / 8.0));
        }
        return new PageLoad(browser);
    }

    /** Loads the page once, as a first visit, and reads its Navigation and Resource Timing. */
    public Sample load(String url) {
        driver.get("about:blank");
        driver.get(url);
        @SuppressWarnings("unchecked")
        Map<String, Object> timing = (Map<String, Object>) driver.executeScript("""
                const nav = performance.getEntriesByType('navigation')[0];
                const resources = performance.getEntriesByType('resource');
                let bytes = nav.transferSize;
                for (const r of resources) { bytes += r.transferSize; }
                return {load: nav.loadEventEnd, dom: nav.domContentLoadedEventEnd, ttfb: nav.responseStart,
                        bytes: bytes, resources: resources.length};""");
        return new Sample(number(timing.get("load")), number(timing.get("dom")), number(timing.get("ttfb")),
                (long) number(timing.get("bytes")), (int) number(timing.get("resources")));
    }

    public List<Sample> load(String url, int times) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            samples.add(load(url));
        }
        return samples;
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    @Override
    public void close() {
        browser.close();
    }
}
