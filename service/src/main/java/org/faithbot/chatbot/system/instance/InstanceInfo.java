package org.faithbot.chatbot.system.instance;

/**
 * Which instance and build serve a response: {@code chatbot.instance-id} (the host name by
 * default) and the version served: the build version, with {@code +<label>} when
 * {@code chatbot.release.label} is set.
 */
public record InstanceInfo(String instanceId, String version) {
}
