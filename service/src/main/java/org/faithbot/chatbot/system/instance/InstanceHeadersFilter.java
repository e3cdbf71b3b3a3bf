package org.faithbot.chatbot.system.instance;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/** Adds {@code X-Served-By} (instance id) and {@code X-App-Version} (build version) to every response. */
class InstanceHeadersFilter extends OncePerRequestFilter {

    static final String SERVED_BY = "X-Served-By";

    static final String APP_VERSION = "X-App-Version";

    private final InstanceInfo instance;

    InstanceHeadersFilter(InstanceInfo instance) {
        this.instance = instance;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(SERVED_BY, this.instance.instanceId());
        response.setHeader(APP_VERSION, this.instance.version());
        chain.doFilter(request, response);
    }
}
