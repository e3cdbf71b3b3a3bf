package org.faithbot.chatbot.chat;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long data is kept ({@code chatbot.retention.*}).
 *
 * @param messages how long a message is kept before DynamoDB's TTL removes it
 */
@ConfigurationProperties("chatbot.retention")
public record RetentionProperties(@DefaultValue("365d") Duration messages) {
}
