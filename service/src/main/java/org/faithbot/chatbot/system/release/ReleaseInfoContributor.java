package org.faithbot.chatbot.system.release;

import java.util.LinkedHashMap;
import java.util.Map;

import org.faithbot.chatbot.system.instance.InstanceInfo;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** The {@code release} part of {@code /actuator/info}: the version served, the label and the fault switches. */
@Component
class ReleaseInfoContributor implements InfoContributor {

    private final ReleaseProperties release;

    private final InstanceInfo instance;

    ReleaseInfoContributor(ReleaseProperties release, InstanceInfo instance) {
        this.release = release;
        this.instance = instance;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", this.instance.version());
        details.put("label", this.release.hasLabel() ? this.release.label().strip() : null);
        details.put("instanceId", this.instance.instanceId());
        details.put("faults", Map.of("chatFailureRatio", this.release.fault().chatFailureRatio(), "readinessDown",
                this.release.fault().readinessDown()));
        builder.withDetail("release", details);
    }
}
