package org.samed2d.explorer.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import jakarta.servlet.DispatcherType;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import com.vaadin.flow.spring.security.RequestUtil;
import org.samed2d.explorer.shared.SecurityHeaders;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains. The REST API (and OpenAPI, actuator) takes bearer tokens or the portal's session, answers 401/403
 * as problem+json and needs a CSRF token from every session request that a valid token does not authenticate.
 * Everything else is the Vaadin portal, with Vaadin's login view and view access annotations; its sign-in form needs
 * a CSRF token too and is throttled after repeated failures. In both, a session whose account has changed since it
 * signed in ends at its next request.
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfiguration {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role("ADMIN").implies("RESEARCHER")
                .role("RESEARCHER").implies("VIEWER").build();
    }

    /** Requests the firewall refuses get the API's problem+json, not a servlet error page. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> ProblemResponses.rejected(request, response,
                "path: the request is refused (" + e.getMessage() + ")");
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, UserAccounts accounts,
                                 SecurityProperties properties, ObjectProvider<SecurityContextHolderStrategy> contexts) {
        SecurityContextHolderStrategy strategy = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        String browse = properties.publicMode() ? "permitAll" : "viewer";
        http.securityMatcher("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/**")
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                            .requestMatchers("/actuator/**", "/api/v1/admin/**", "/api/v1/users/**").hasRole("ADMIN")
                            .requestMatchers(HttpMethod.POST, "/api/v1/segment/precompute").hasRole("ADMIN")
                            .requestMatchers(HttpMethod.PUT, "/api/v1/datasets/*/licence").hasRole("ADMIN")
                            .requestMatchers(HttpMethod.DELETE, "/api/v1/datasets/*/licence").hasRole("ADMIN")
                            .requestMatchers("/api/v1/segment/**", "/api/v1/evaluations/**", "/api/v1/exports/**")
                            .hasRole("RESEARCHER")
                            .requestMatchers("/api/v1/me", "/api/v1/tokens/**", "/api/v1/tokens").authenticated();
                    var rest = requests.anyRequest();
                    if (browse.equals("permitAll")) {
                        rest.permitAll();
                    } else {
                        rest.hasRole("VIEWER");
                    }
                })
                .addFilterAfter(new SessionAccountFilter(accounts, strategy), SecurityContextHolderFilter.class)
                // before the CSRF check, which only a request that a valid token authenticates may skip
                .addFilterBefore(new BearerTokenFilter(tokens, strategy), CsrfFilter.class)
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(request -> !SAFE_METHODS.contains(request.getMethod())
                                && !BearerTokenFilter.authenticatedByToken(request)
                                && request.getRequestedSessionId() != null))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> ProblemResponses.unauthorized(request,
                                response, "sign in: send 'Authorization: Bearer TOKEN' with a personal API token"))
                        .accessDeniedHandler((request, response, e) -> {
                            // the CSRF check runs before the request knows its principal: ask the context
                            var who = strategy.getContext().getAuthentication();
                            if (who == null || !who.isAuthenticated()
                                    || who instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
                                ProblemResponses.unauthorized(request, response, e.getMessage().contains("CSRF")
                                        ? "the request carries no valid CSRF token" : "sign in: send 'Authorization: "
                                        + "Bearer TOKEN' with a personal API token");
                            } else {
                                ProblemResponses.forbidden(request, response, e.getMessage().contains("CSRF")
                                        ? "the request carries no valid CSRF token"
                                        : "your role does not allow this; it needs a researcher or admin account");
                            }
                        }))
                // pixel and download endpoints set their own caching (ETag, max-age); the rest needs none
                .headers(headers -> headers(headers).cacheControl(cache -> cache.disable()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain portalChain(HttpSecurity http, UserAccounts accounts, LoginThrottle throttle,
                                    RequestUtil vaadinRequests, SecurityProperties properties,
                                    ObjectProvider<SecurityContextHolderStrategy> contexts) {
        SecurityContextHolderStrategy strategy = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/styles/**", "/icons/**").permitAll();
                    if (properties.publicMode()) {
                        // anonymous visitors may browse, so a path that is no view of the portal gets the portal's
                        // not-found page rather than the sign-in form; views keep their own access rules. Only the
                        // request itself: the error dispatch of a refused request (a sign-in without its CSRF token)
                        // still sends an anonymous visitor to sign in instead of showing the error, and so does
                        // Spring's own /error path asked for directly (it answers 500 "status 999" outside a dispatch)
                        requests.requestMatchers(request -> request.getDispatcherType() == DispatcherType.REQUEST
                                && HttpMethod.GET.matches(request.getMethod())
                                && !"/error".equals(request.getServletPath())
                                && !vaadinRequests.isSecuredFlowRoute(request)).permitAll();
                    }
                })
                .headers(SecurityConfiguration::headers)
                .addFilterAfter(new SessionAccountFilter(accounts, strategy), SecurityContextHolderFilter.class)
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                // Vaadin's own CSRF settings exempt the sign-in form (login CSRF); its internal requests carry
                // Vaadin's own token, and the sign-in form sends Spring's from the page's _csrf meta tags
                .csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest))
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView("/login", "/")
                        .enableCsrfConfiguration(false));
        return http.build();
    }

    /**
     * Written before the request is handled: Vaadin's bootstrap page bypasses the response wrapper that would write
     * them on commit.
     */
    private static HeadersConfigurer<HttpSecurity> headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
            @Override
            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
            }
        });
        return headers.contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .contentTypeOptions(Customizer.withDefaults());
    }
}
