package org.vpp.api.security;

import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Flux;

/**
 * Bounds live subscriptions per WebSocket connection and per principal, so one client cannot open thousands of
 * streams. A subscription counts from its start until it ends, however it ends (completed, cancelled, failed,
 * connection closed).
 */
public class SubscriptionLimits {

    /** A subscription over a limit: which limit, and for whom. */
    public static final class Exceeded extends RuntimeException {
        public Exceeded(String message) {
            super(message, null, false, false);
        }
    }

    private final int perConnection;
    private final int perPrincipal;
    private final ConcurrentHashMap<String, Integer> byConnection = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> byPrincipal = new ConcurrentHashMap<>();

    public SubscriptionLimits(int perConnection, int perPrincipal) {
        this.perConnection = perConnection;
        this.perPrincipal = perPrincipal;
    }

    /** The stream, counted against both limits while it runs; throws {@link Exceeded} when either is reached. */
    public <T> Flux<T> guard(Caller caller, String connection, Flux<T> stream) {
        String key = connection == null ? "http" : connection;
        if (!acquire(byConnection, key, perConnection)) {
            throw new Exceeded("subscription limit: a connection may hold at most " + perConnection
                    + " subscriptions (vpp.api.max-subscriptions-per-connection); end one first");
        }
        if (!acquire(byPrincipal, caller.subject(), perPrincipal)) {
            release(byConnection, key);
            throw new Exceeded("subscription limit: " + caller.subject() + " may hold at most " + perPrincipal
                    + " subscriptions over all connections (vpp.api.max-subscriptions-per-principal)");
        }
        return stream.doFinally(signal -> {
            release(byConnection, key);
            release(byPrincipal, caller.subject());
        });
    }

    public int active(String subject) {
        return byPrincipal.getOrDefault(subject, 0);
    }

    private static boolean acquire(ConcurrentHashMap<String, Integer> counts, String key, int limit) {
        boolean[] taken = {false};
        counts.compute(key, (k, n) -> {
            int held = n == null ? 0 : n;
            if (held >= limit) return n;
            taken[0] = true;
            return held + 1;
        });
        return taken[0];
    }

    private static void release(ConcurrentHashMap<String, Integer> counts, String key) {
        counts.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }
}
