package org.faithbot.verification.selftest;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import org.faithbot.verification.load.PageLoad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the page-load measurement really is on 3G: a page whose script weighs 400 kB must take at
 * least its transfer time at 1.6 Mbps (2 s) to load on the emulated network, and far less on
 * loopback. A static page on a loopback port served by the JDK's file server, loaded by the same
 * headless Chromium the spec uses.
 */
@LocalTargetOnly
class PageLoadThrottlingSelfTestIT {

    private static final int SCRIPT_BYTES = 400_000;

    @Test
    void theEmulated3GNetworkSlowsAHeavyPageToItsTransferTime(@TempDir Path site) throws Exception {
        byte[] script = new byte[SCRIPT_BYTES];
        new Random(7).nextBytes(script); // incompressible
        Files.write(site.resolve("heavy.js"), script);
        Files.writeString(site.resolve("index.html"), "<!doctype html><html><head><script src=\"heavy.js\"></script></head><body>heavy</body></html>");
        HttpServer server = SimpleFileServer.createFileServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), site,
                SimpleFileServer.OutputLevel.NONE);
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/index.html";
            double transferMillis = SCRIPT_BYTES * 8 * 1000.0 / PageLoad.Network.REQUEST_LEVEL_3G.downloadBitsPerSecond();
            PageLoad.Sample on3G;
            try (PageLoad browser = PageLoad.open(PageLoad.Network.REQUEST_LEVEL_3G)) {
                on3G = browser.load(url);
            }
            PageLoad.Sample onLoopback;
            try (PageLoad browser = PageLoad.open(PageLoad.Network.UNTHROTTLED)) {
                browser.load(url); // the first load of a fresh browser pays for its own start-up
                onLoopback = browser.load(url);
            }
            assertThat(on3G.transferredBytes()).as("bytes transferred").isGreaterThanOrEqualTo(SCRIPT_BYTES);
            assertThat(on3G.loadMillis()).as("load time on 3G (transfer alone takes %.0f ms)", transferMillis)
                    .isGreaterThanOrEqualTo(transferMillis);
            assertThat(onLoopback.loadMillis()).as("load time on loopback").isLessThan(transferMillis / 2);
        } finally {
            server.stop(0);
        }
    }
}
