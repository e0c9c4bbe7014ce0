package org.vpp.api.security;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller of the request being served on this thread: the one a GraphQL field runs for ({@link #actingAs}), else
 * the one Spring Security authenticated for this HTTP request.
 */
public final class Callers {

    private static final ThreadLocal<Caller> ACTING = new ThreadLocal<>();

    private Callers() {
    }

    public static Optional<Caller> current() {
        Caller acting = ACTING.get();
        if (acting != null) return Optional.of(acting);
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Optional<Caller> of(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt && jwt.isAuthenticated()) {
            var token = jwt.getToken();
            List<String> assets = token.getClaimAsStringList(ApiTokens.ASSETS_CLAIM);
            return Optional.of(ApiTokens.caller(token.getSubject(), token.getClaimAsString(ApiTokens.ROLE_CLAIM), assets,
                    token.getId()));
        }
        return Optional.empty();
    }

    /** Runs work as this caller: what it sends carries the caller as author. */
    static <T> T actingAs(Caller caller, Supplier<T> work) {
        Caller before = ACTING.get();
        ACTING.set(caller);
        try {
            return work.get();
        } finally {
            if (before == null) ACTING.remove();
            else ACTING.set(before);
        }
    }
}
