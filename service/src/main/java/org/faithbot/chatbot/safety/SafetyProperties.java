package org.faithbot.chatbot.safety;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Safety settings ({@code chatbot.safety.*}).
 *
 * @param escalationResponseStandard how soon the support team must acknowledge an escalation
 * (its due time is created time + this)
 */
@ConfigurationProperties("chatbot.safety")
public record SafetyProperties(@DefaultValue("15m") Duration escalationResponseStandard) {
}
