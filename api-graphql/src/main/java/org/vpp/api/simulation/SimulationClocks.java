package org.vpp.api.simulation;

import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;

import org.vpp.simulator.clock.SimulationClock;

/** The application clock seen as the simulator's clock (same instants, plus the market's calendar zone). */
public final class SimulationClocks {

    private SimulationClocks() {
    }

    public static SimulationClock of(InstantSource source, ZoneId zone) {
        if (source instanceof SimulationClock clock && clock.zone().equals(zone)) return clock;
        return new SimulationClock() {
            @Override
            public Instant now() {
                return source.instant();
            }

            @Override
            public ZoneId zone() {
                return zone;
            }
        };
    }
}
