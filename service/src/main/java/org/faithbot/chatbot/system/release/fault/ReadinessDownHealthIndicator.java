package org.faithbot.chatbot.system.release.fault;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code release} health, DOWN for good, added to the readiness group: with the release fault switch
 * {@code chatbot.release.fault.readiness-down} on, the readiness probe never reports UP, so a bad
 * release never takes traffic (the operators' {@code /actuator/availability} cannot lift it either).
 * Exists only when the switch is on; the readiness group of a release without it is
 * {@code readinessState} and {@code dynamoDb}.
 */
@Component(ReadinessDownHealthIndicator.NAME + "HealthIndicator")
@ConditionalOnBooleanProperty(ReadinessDownHealthIndicator.SWITCH)
class ReadinessDownHealthIndicator implements HealthIndicator, HealthEndpointGroupsPostProcessor {

    static final String SWITCH = "chatbot.release.fault.readiness-down";

    /** The contributor's name in the health responses. */
    static final String NAME = "release";

    static final String READINESS = "readiness";

    @Override
    public Health health() {
        return Health.down().withDetail("fault", SWITCH + " is on").build();
    }

    @Override
    public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
        HealthEndpointGroup readiness = groups.get(READINESS);
        if (readiness == null) {
            return groups;
        }
        Map<String, HealthEndpointGroup> all = new LinkedHashMap<>();
        groups.getNames().forEach(name -> all.put(name, groups.get(name)));
        all.put(READINESS, new WithMember(readiness, NAME));
        return HealthEndpointGroups.of(groups.getPrimary(), all);
    }

    /** A health group with one more member. */
    record WithMember(HealthEndpointGroup group, String member) implements HealthEndpointGroup {

        @Override
        public boolean isMember(String name) {
            return this.member.equals(name) || this.group.isMember(name);
        }

        @Override
        public boolean showComponents(SecurityContext securityContext) {
            return this.group.showComponents(securityContext);
        }

        @Override
        public boolean showDetails(SecurityContext securityContext) {
            return this.group.showDetails(securityContext);
        }

        @Override
        public StatusAggregator getStatusAggregator() {
            return this.group.getStatusAggregator();
        }

        @Override
        public HttpCodeStatusMapper getHttpCodeStatusMapper() {
            return this.group.getHttpCodeStatusMapper();
        }

        @Override
        public AdditionalHealthEndpointPath getAdditionalPath() {
            return this.group.getAdditionalPath();
        }
    }
}
