package org.vpp.api.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.vpp.api.config.VppProperties;
import tools.jackson.databind.ObjectMapper;

/**
 * Every request is authenticated with a bearer token (README, "Access") except the health probe, the GraphiQL page and
 * the dashboard's static files (pages only: their requests carry a token like any other). No cookies and no sessions,
 * so there is nothing for a cross-site page to ride on, and CSRF protection has nothing to protect; CORS is off unless
 * origins are configured.
 * What a token may do field by field is {@link FieldAccess}'s business; here only the HTTP routes are guarded.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    public ApiTokens apiTokens(JdbcTemplate jdbc, VppProperties vpp, SecurityProperties security) {
        return new ApiTokens(jdbc, TokenSecret.load(security.tokenSecret(), vpp.dataDir()), Clock.systemUTC(), security);
    }

    /** Written on start, after the schema is migrated (the token's record needs its table). */
    @Bean
    public org.springframework.boot.ApplicationRunner adminTokenFile(VppProperties vpp, SecurityProperties security,
                                                                    ApiTokens tokens, JwtDecoder decoder) {
        return args -> AdminTokenFile.ensure(vpp.dataDir(), tokens, decoder, security.adminTokenValidity(), Clock.systemUTC());
    }

    @Bean
    public RateLimits rateLimits(SecurityProperties security) {
        return new RateLimits(security.mutationsPerMinute(), security.telemetryRequestsPerMinute(), System::nanoTime);
    }

    @Bean
    public JwtDecoder jwtDecoder(ApiTokens tokens) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(tokens.verificationKey())
                .macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(ApiTokens.ISSUER),
                claims(), onRecord(tokens)));
        return decoder;
    }

    /** A known role, and assets on a DEVICE token. */
    private static OAuth2TokenValidator<Jwt> claims() {
        return jwt -> {
            String role = jwt.getClaimAsString(ApiTokens.ROLE_CLAIM);
            if (role == null || Arrays.stream(Role.values()).noneMatch(r -> r.name().equals(role))) {
                return invalid("the token names no known role");
            }
            if (jwt.getSubject() == null || jwt.getSubject().isBlank()) return invalid("the token names no subject");
            if (Role.valueOf(role) == Role.DEVICE) {
                List<String> assets = jwt.getClaimAsStringList(ApiTokens.ASSETS_CLAIM);
                if (assets == null || assets.isEmpty()) return invalid("a DEVICE token must name its assets");
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    /** Issued here and not revoked. */
    private static OAuth2TokenValidator<Jwt> onRecord(ApiTokens tokens) {
        return jwt -> tokens.refusal(jwt.getId()).map(SecurityConfiguration::invalid).orElse(OAuth2TokenValidatorResult.success());
    }

    private static OAuth2TokenValidatorResult invalid(String reason) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", reason, null));
    }

    static JwtAuthenticationToken authentication(Jwt jwt) {
        Role role = Role.valueOf(jwt.getClaimAsString(ApiTokens.ROLE_CLAIM));
        var authorities = role.includes().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    @Bean
    public SecurityFilterChain api(HttpSecurity http, JwtDecoder decoder, SecurityProperties security, ObjectMapper json)
            throws Exception {
        AuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            bearer.commence(request, response, e);
            String reason = request.getHeader("Authorization") == null
                    ? "authentication required: send the header Authorization: Bearer <token> (README, \"Access\")"
                    : "the token was refused: " + e.getMessage();
            write(response, json, "UNAUTHENTICATED", reason);
        };
        AccessDeniedHandler denied = (request, response, e) -> {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            String who = Callers.current().map(c -> c.subject() + " (" + c.role() + ")").orElse("the caller");
            write(response, json, "FORBIDDEN", request.getMethod() + " " + request.getRequestURI() + " is not allowed for " + who
                    + (request.getRequestURI().startsWith("/api/telemetry") ? ": telemetry needs an OPERATOR or DEVICE token" : ""));
        };
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/graphiql", "/graphiql/**").permitAll()
                        // The dashboard's static files (a page and its scripts only: every GraphQL call it makes carries
                        // the token the user pasted, like any other client's).
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/dashboard/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/error").permitAll()
                        // The WebSocket handshake: browsers cannot send headers on it; connection_init carries the token.
                        .requestMatchers(request -> "GET".equals(request.getMethod()) && "/graphql".equals(request.getRequestURI())
                                && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/telemetry").hasAnyRole(Role.OPERATOR.name(), Role.DEVICE.name())
                        .requestMatchers("/actuator/prometheus").hasRole(Role.VIEWER.name())
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(SecurityConfiguration::authentication))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
        if (security.corsOrigins().isEmpty()) {
            http.cors(c -> c.disable());
        } else {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(security.corsOrigins());
            cors.setAllowedMethods(List.of("GET", "POST"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", org.vpp.api.graphql.IdempotentMutations.HEADER));
            UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
            source.registerCorsConfiguration("/**", cors);
            http.cors(c -> c.configurationSource(source));
        }
        return http.build();
    }

    private static void write(HttpServletResponse response, ObjectMapper json, String code, String message) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(Map.of("errors", List.of(Map.of("message", message,
                "extensions", Map.of("code", code))))));
    }
}
