package org.vpp.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.kernel.TimeSeries;
import org.vpp.simulator.clock.SteppedClock;
import org.vpp.simulator.twin.BatteryTwin;
import org.vpp.simulator.twin.MeasurementNoise;
import org.vpp.simulator.twin.OutageModel;

/** A battery's twin resumes from the state of charge it is given (after a restart, its last reading). */
class DemoWorldTest {

    static final Instant START = Instant.parse("2026-06-16T10:00:00Z");

    static final List<AssetSpec> SPECS = List.of(
            new AssetSpec("pf", AssetKind.PORTFOLIO, "P", Optional.empty(), 52, 13, TechnicalLimits.NONE),
            new AssetSpec("site", AssetKind.SITE, "S", Optional.of("pf"), 52, 13, TechnicalLimits.groupWithGridLimit(5.0)),
            new AssetSpec("bat-1", AssetKind.BATTERY, "B1", Optional.of("site"), 52, 13,
                    TechnicalLimits.storage(-2, 2, 4, 0.95, 0.95, null, 0.1, 0.9, 0.1)),
            new AssetSpec("bat-2", AssetKind.BATTERY, "B2", Optional.of("site"), 52, 13,
                    TechnicalLimits.storage(-1, 1, 2, 0.95, 0.95, null, 0.2, 1.0, 0.2)));

    private static double soc(DemoWorld world, String id) {
        return world.twins().stream().filter(t -> t.assetId().equals(id)).map(t -> ((BatteryTwin) t).state().soc())
                .findFirst().orElseThrow();
    }

    @Test
    void aBatteryStartsFromTheStateOfChargeItIsGivenAndHalfWayWithout() {
        DemoWorld world = DemoWorld.build(SPECS, new SteppedClock(START, ZoneId.of("UTC")), START, Duration.ofDays(1), 1,
                OutageModel.never(), MeasurementNoise.NONE,
                new TimeSeries(START, Duration.ofMinutes(15), new double[96]), Map.of(), Map.of("bat-1", 0.83));

        assertThat(soc(world, "bat-1")).isEqualTo(0.83);
        assertThat(soc(world, "bat-2")).isEqualTo(0.6); // half-way between 0.2 and 1.0
    }
}
