package org.faithbot.chatbot.system.release;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The release this process runs and its fault switches for the deployment drills
 * ({@code chatbot.release.*}).
 *
 * @param label a release label (e.g. {@code blue}, {@code canary-2}); shown in {@code X-App-Version}
 * as {@code <version>+<label>} and in {@code /actuator/info}
 * @param fault deliberate faults of a bad release
 */
@ConfigurationProperties("chatbot.release")
@Validated
public record ReleaseProperties(@Nullable String label, @Valid @DefaultValue Fault fault) {

    public boolean hasLabel() {
        return this.label != null && !this.label.isBlank();
    }

    /**
     * @param chatFailureRatio the share (0.0 to 1.0) of chat requests answered 500 with a problem
     * body: the only deliberate 5xx of the service
     * @param readinessDown when true the readiness probe never reports UP
     */
    public record Fault(@DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.0") double chatFailureRatio,
            @DefaultValue("false") boolean readinessDown) {
    }
}
