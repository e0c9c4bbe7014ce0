package org.vpp.simulator.twin;

import java.util.random.RandomGenerator;
import org.vpp.simulator.series.SeedStreams;

/** The two random streams every twin owns, derived from (seed, asset id) so twins never share numbers. */
record TwinRandomness(RandomGenerator outages, RandomGenerator noise) {

    static TwinRandomness of(long seed, String assetId) {
        return new TwinRandomness(SeedStreams.stream(seed, "twin-outage:" + assetId),
                SeedStreams.stream(seed, "twin-noise:" + assetId));
    }
}
