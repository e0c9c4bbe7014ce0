package org.vpp.api.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Outside the security chain: when a request fails because the database cannot be reached before GraphQL runs (the
 * token check reads the issued tokens), the client gets HTTP 503 with a GraphQL error {@code UNAVAILABLE} saying so
 * and that it may retry, not an anonymous 500. Inside GraphQL, {@link DatabaseUnavailable} answers the same per field.
 */
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!DatabaseUnavailable.unavailable(e) || response.isCommitted()) throw e;
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "5");
            response.setContentType("application/graphql-response+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"errors\":[{\"message\":\"The database is unavailable, so this request was not"
                    + " carried out. Send it again shortly.\",\"extensions\":{\"classification\":\"" + DatabaseUnavailable.CODE
                    + "\",\"code\":\"" + DatabaseUnavailable.CODE + "\",\"retryable\":true}}]}");
        }
    }
}
