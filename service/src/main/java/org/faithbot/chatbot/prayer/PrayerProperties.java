package org.faithbot.chatbot.prayer;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Prayer connect settings ({@code chatbot.prayer.*}); the community guidelines state the same standards.
 *
 * @param responseStandard how soon the prayer team should respond to a request (its due time)
 * @param moderationStandard how soon moderators should resolve a report
 * @param autoHideFlags reports from this many users hide a community prayer until a moderator reviews it
 */
@ConfigurationProperties("chatbot.prayer")
@Validated
public record PrayerProperties(@DefaultValue("24h") Duration responseStandard,
        @DefaultValue("24h") Duration moderationStandard, @Min(1) @DefaultValue("3") int autoHideFlags) {
}
