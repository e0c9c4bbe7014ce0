package org.vpp.api.graphql.limits;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a GraphQL request whose body (query and variables together) is larger than the limit, before any of it is
 * parsed: a declared Content-Length over the limit is refused at once; a body of unknown length is read up to one byte
 * past the limit and no further. The refusal is HTTP 413 with a GraphQL error naming the limit. The rest of an
 * oversized body is drained unread (up to a bound), so the client receives the answer instead of a reset connection.
 */
public class RequestSizeLimit extends OncePerRequestFilter {

    /** Beyond this the connection is simply closed after the answer: draining more would serve the sender, not us. */
    static final long DRAIN_AT_MOST = 64L * 1024 * 1024;

    private final long maxBytes;

    public RequestSizeLimit(DataSize max) {
        this.maxBytes = max.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response); // GET queries are bounded by the server's header size; WebSocket upgrades pass
            return;
        }
        if (declared > maxBytes) {
            refuse(request, response, declared + " bytes");
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response);
            return;
        }
        // Unknown length (chunked): buffer at most one byte more than allowed.
        byte[] body = readAtMost(request.getInputStream(), maxBytes + 1);
        if (body.length > maxBytes) {
            refuse(request, response, "more than " + maxBytes + " bytes");
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String size) throws IOException {
        drain(request.getInputStream());
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType("application/graphql-response+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String message = "Request body of " + size + " is larger than the maximum request size of " + maxBytes
                + " bytes, variables included (limit vpp.api.max-request-size)";
        response.getWriter().write("{\"errors\":[{\"message\":\"" + message
                + "\",\"extensions\":{\"classification\":\"REQUEST_TOO_LARGE\",\"limit\":\"vpp.api.max-request-size\"}}]}");
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while (out.size() < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - out.size()))) > 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long drained = 0;
        int n;
        while (drained < DRAIN_AT_MOST && (n = in.read(buffer)) > 0) drained += n;
    }

    /** The request with its already-read body served from memory. */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                /** The body is already in memory: all of it is available at once, then it is all read. */
                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        if (!isFinished()) listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (java.io.IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
