package org.vpp.sagas.support;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** An application clock a test steps by hand from a fixed instant. */
public final class SteppingClock implements InstantSource {

    private final AtomicReference<Instant> now;

    public SteppingClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    public Instant step(Duration by) {
        return now.updateAndGet(t -> t.plus(by));
    }
}
