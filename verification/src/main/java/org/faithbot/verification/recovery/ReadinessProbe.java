package org.faithbot.verification.recovery;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.faithbot.verification.http.ServiceClient;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Waits until a URL (the service's readiness probe, through the load balancer in AWS) answers 200. */
public final class ReadinessProbe {

    private ReadinessProbe() {
    }

    /** Returns the instant it first answered 200. */
    public static Instant awaitHealthy(String url, Duration timeout, Duration pollInterval) {
        AtomicInteger last = new AtomicInteger(-1);
        try {
            Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(pollInterval)
                    .until(() -> {
                        last.set(ServiceClient.status(url));
                        return last.get() == 200;
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(url + " did not answer 200 within " + timeout + " (last status " + last.get() + ")", e);
        }
        return Instant.now();
    }
}
