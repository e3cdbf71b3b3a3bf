package org.faithbot.chatbot.system.web;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.faithbot.chatbot.system.instance.InstanceInfo;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Replaces Tomcat's HTML error report valve with {@link ProblemErrorReportValve}; lets TRACE reach {@link RequestShapeFilter}. */
@Configuration(proxyBeanMethods = false)
class TomcatErrorReportConfiguration {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReportCustomizer(InstanceInfo instance) {
        return new ProblemErrorReportCustomizer(instance);
    }

    /** Runs after Spring Boot's own customizer (which adds the HTML valve), so it can take that valve out. */
    static final class ProblemErrorReportCustomizer
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        private final InstanceInfo instance;

        ProblemErrorReportCustomizer(InstanceInfo instance) {
            this.instance = instance;
        }

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            // TRACE reaches the filters, where RequestShapeFilter refuses it (405 problem with every header); the
            // connector's own refusal would carry none of them. Nothing answers TRACE: the filter runs first.
            factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemErrorReportValve(this.instance));
                if (host instanceof StandardHost standardHost) {
                    standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
