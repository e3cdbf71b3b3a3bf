package org.faithbot.chatbot.system.security;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.faithbot.chatbot.system.ratelimit.PerUserRateLimiter;
import org.faithbot.chatbot.system.ratelimit.RateLimitFilter;
import org.faithbot.chatbot.system.web.ProblemResponseWriter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static org.faithbot.chatbot.system.security.Scopes.authority;

/**
 * Stateless bearer-token security (OAuth2 resource server). Open: the chat page and its assets,
 * the verse library, the published documents, the OpenAPI description (/v3/api-docs), health, info and
 * prometheus. The user API needs the
 * {@code chat} scope; the prayer team, moderation and support APIs their own scopes; every other
 * actuator endpoint (availability, chaos monkey) the {@code operator} scope. Each user only ever
 * reaches their own data: every user-facing read and write is keyed by the token's {@code sub}.
 * Every refusal is a problem body; every response carries the security headers (CSP, HSTS,
 * nosniff, frame-ancestors / X-Frame-Options, Referrer-Policy, Permissions-Policy).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String OPERATOR_AUTHORITY = authority(Scopes.OPERATOR);

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemResponseWriter problems,
            PerUserRateLimiter rateLimiter, MeterRegistry registry) throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems,
                new AuthenticationFailures(registry));
        ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler(problems);
        http.csrf(AbstractHttpConfigurer::disable)
            .cors(AbstractHttpConfigurer::disable)
            .httpBasic(AbstractHttpConfigurer::disable)
            .formLogin(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .requestCache(AbstractHttpConfigurer::disable)
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.DEFAULT))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
                    .maxAgeInSeconds(31_536_000)
                    .requestMatcher(AnyRequestMatcher.INSTANCE))
                .frameOptions(frame -> frame.deny())
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", SecurityHeaders.PERMISSIONS_POLICY))
                .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", SecurityHeaders.CROSS_ORIGIN_OPENER_POLICY)))
            .authorizeHttpRequests(requests -> requests
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers("/error").permitAll()
                .requestMatchers(HttpMethod.GET, "/", "/index.html", "/assets/**", "/help/*").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/verses", "/api/v1/verses/**", "/api/v1/documents",
                        "/api/v1/documents/**")
                .permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**").permitAll()
                .requestMatchers("/actuator", "/actuator/**").hasAuthority(OPERATOR_AUTHORITY)
                .requestMatchers("/api/v1/support/**")
                .hasAnyAuthority(authority(Scopes.SUPPORT), OPERATOR_AUTHORITY)
                .requestMatchers("/api/v1/prayer-team/**").hasAuthority(authority(Scopes.PRAYER_TEAM))
                .requestMatchers("/api/v1/moderation/**").hasAuthority(authority(Scopes.MODERATOR))
                .requestMatchers("/api/**").hasAuthority(authority(Scopes.CHAT))
                .anyRequest().authenticated())
            .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults())
                .authenticationEntryPoint(entryPoint)
                .accessDeniedHandler(accessDenied))
            .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
                .accessDeniedHandler(accessDenied))
            .addFilterAfter(new RateLimitFilter(rateLimiter, problems), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /**
     * A request the firewall rejects (e.g. an encoded slash) gets a 400 problem with the security headers (the
     * header writers of the chain never ran for it), not a 500.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemResponseWriter problems) {
        return (request, response, rejected) -> {
            SecurityHeaders.addMissing(response);
            problems.write(request, response, HttpStatus.BAD_REQUEST,
                    "The request was rejected: its URL or one of its headers is not allowed");
        };
    }

    @Bean
    WebMvcConfigurer currentUserArgumentResolverConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserArgumentResolver());
            }
        };
    }
}
