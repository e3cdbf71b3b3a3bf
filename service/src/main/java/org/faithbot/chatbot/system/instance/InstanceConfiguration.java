package org.faithbot.chatbot.system.instance;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.faithbot.chatbot.ChatbotApplication;
import org.faithbot.chatbot.system.release.ReleaseProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class InstanceConfiguration {

    static final String UNKNOWN = "unknown";

    @Bean
    InstanceInfo instanceInfo(@Value("${chatbot.instance-id:}") String instanceId,
            ObjectProvider<BuildProperties> buildProperties, ReleaseProperties release) {
        String version = version(buildProperties);
        if (release.hasLabel()) {
            version = version + "+" + release.label().strip();
        }
        return new InstanceInfo(instanceId.isBlank() ? hostName() : instanceId.strip(), version);
    }

    /** First of all filters, so every response (errors included) carries the headers. */
    @Bean
    FilterRegistrationBean<InstanceHeadersFilter> instanceHeadersFilter(InstanceInfo instanceInfo) {
        FilterRegistrationBean<InstanceHeadersFilter> registration = new FilterRegistrationBean<>(
                new InstanceHeadersFilter(instanceInfo));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static String version(ObjectProvider<BuildProperties> buildProperties) {
        BuildProperties build = buildProperties.getIfAvailable();
        if (build != null && build.getVersion() != null) {
            return build.getVersion();
        }
        String manifestVersion = ChatbotApplication.class.getPackage().getImplementationVersion();
        return (manifestVersion != null) ? manifestVersion : UNKNOWN;
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException ex) {
            return UNKNOWN;
        }
    }
}
