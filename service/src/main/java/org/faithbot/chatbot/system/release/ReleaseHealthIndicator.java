package org.faithbot.chatbot.system.release;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code release} health (part of readiness): DOWN for good when the release fault switch
 * {@code chatbot.release.fault.readiness-down} is on, so a bad release never takes traffic.
 */
@Component("releaseHealthIndicator")
class ReleaseHealthIndicator implements HealthIndicator {

    private final ReleaseProperties release;

    ReleaseHealthIndicator(ReleaseProperties release) {
        this.release = release;
    }

    @Override
    public Health health() {
        if (this.release.fault().readinessDown()) {
            return Health.down().withDetail("fault", "chatbot.release.fault.readiness-down is on").build();
        }
        return Health.up().build();
    }
}
