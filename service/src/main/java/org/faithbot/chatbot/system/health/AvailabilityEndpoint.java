package org.faithbot.chatbot.system.health;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Operator-only actuator endpoint {@code availability}: {@code POST /actuator/availability} with
 * {@code {"readiness": "REFUSING_TRAFFIC"}} or {@code {"readiness": "ACCEPTING_TRAFFIC"}} publishes
 * an {@link AvailabilityChangeEvent}, so one instance can be taken out of (or put back into) the
 * load balancer. {@code GET} shows the current states. Security requires {@code SCOPE_operator}.
 */
@Component
@Endpoint(id = "availability")
class AvailabilityEndpoint {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityEndpoint.class);

    private final ApplicationEventPublisher events;

    private final ApplicationAvailability availability;

    AvailabilityEndpoint(ApplicationEventPublisher events, ApplicationAvailability availability) {
        this.events = events;
        this.availability = availability;
    }

    @ReadOperation
    Map<String, Object> states() {
        Map<String, Object> states = new LinkedHashMap<>();
        states.put("readiness", this.availability.getReadinessState());
        states.put("liveness", this.availability.getLivenessState());
        return states;
    }

    @WriteOperation
    Map<String, Object> change(String readiness) {
        ReadinessState state = parse(readiness);
        AvailabilityChangeEvent.publish(this.events, this, state);
        log.info("Readiness changed to {} by an operator", state);
        return states();
    }

    private static ReadinessState parse(@Nullable String readiness) {
        String name = (readiness != null) ? readiness.strip().toUpperCase(Locale.ROOT) : "";
        return Arrays.stream(ReadinessState.values())
            .filter(state -> state.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new InvalidEndpointRequestException("readiness must be one of "
                    + Arrays.toString(ReadinessState.values()), "invalid readiness"));
    }
}
