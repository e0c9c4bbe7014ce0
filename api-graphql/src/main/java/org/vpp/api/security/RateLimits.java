package org.vpp.api.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-principal limits on writes: a token bucket per subject and kind, refilled continuously at the configured rate
 * per minute and holding at most one minute's worth. Buckets of idle subjects are dropped once there are many, so a
 * flood of distinct subjects cannot grow memory without bound. Real time, not the application clock: a limit protects
 * the machine, whose seconds are real.
 */
public class RateLimits {

    public enum Kind { MUTATION, TELEMETRY }

    /** A refusal: who, what, and the limit. */
    public static final class Exceeded extends RuntimeException {
        public Exceeded(String subject, Kind kind, int perMinute) {
            super("rate limit: " + subject + " may send at most " + perMinute + " "
                    + (kind == Kind.MUTATION ? "mutations" : "telemetry requests") + " per minute (vpp.security."
                    + (kind == Kind.MUTATION ? "mutations-per-minute" : "telemetry-requests-per-minute") + "); try again shortly",
                    null, false, false);
        }
    }

    private static final int PRUNE_ABOVE = 10_000;
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final int mutationsPerMinute;
    private final int telemetryPerMinute;
    private final LongSupplier nanos;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(int mutationsPerMinute, int telemetryPerMinute, LongSupplier nanos) {
        this.mutationsPerMinute = mutationsPerMinute;
        this.telemetryPerMinute = telemetryPerMinute;
        this.nanos = nanos;
    }

    /** Takes one from the subject's bucket of this kind, or throws {@link Exceeded}. */
    public void acquire(String subject, Kind kind) {
        int perMinute = kind == Kind.MUTATION ? mutationsPerMinute : telemetryPerMinute;
        if (buckets.size() > PRUNE_ABOVE) prune();
        Bucket bucket = buckets.computeIfAbsent(kind + "|" + subject, k -> new Bucket(perMinute, nanos.getAsLong()));
        if (!bucket.take(perMinute, nanos.getAsLong())) throw new Exceeded(subject, kind, perMinute);
    }

    private void prune() {
        long now = nanos.getAsLong();
        buckets.entrySet().removeIf(e -> now - e.getValue().lastNanos() > MINUTE_NANOS);
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int perMinute, long now) {
            this.tokens = perMinute;
            this.last = now;
        }

        synchronized boolean take(int perMinute, long now) {
            tokens = Math.min(perMinute, tokens + (now - last) * (double) perMinute / MINUTE_NANOS);
            last = now;
            if (tokens < 1) return false;
            tokens -= 1;
            return true;
        }

        synchronized long lastNanos() {
            return last;
        }
    }
}
