package org.faithbot.chatbot.system.instance;

/**
 * Which instance and build serve a response: {@code chatbot.instance-id} (the host name by
 * default) and the build version.
 */
public record InstanceInfo(String instanceId, String version) {
}
