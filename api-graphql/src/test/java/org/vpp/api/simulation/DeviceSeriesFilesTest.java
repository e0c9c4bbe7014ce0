package org.vpp.api.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.kernel.TimeSeries;
import org.vpp.simulator.clock.SteppedClock;
import org.vpp.simulator.csv.CsvFormat;
import org.vpp.simulator.demo.AssetSpec;
import org.vpp.simulator.demo.DemoWorld;
import org.vpp.simulator.series.Unit;
import org.vpp.simulator.twin.MeasurementNoise;
import org.vpp.simulator.twin.OutageModel;
import org.vpp.simulator.twin.TelemetrySample;
import org.vpp.simulator.twin.TwinFleet;

/** Real per-device series replace the synthetic ones: the twins report what the files say. */
class DeviceSeriesFilesTest {

    static final Instant START = Instant.parse("2024-06-03T00:00:00Z");
    static final ZoneId UTC = ZoneId.of("UTC");

    @TempDir
    Path dir;

    private void write(String assetId, String content) throws IOException {
        Files.writeString(dir.resolve(assetId + ".csv"), content);
    }

    @Test
    void twinsFollowTheirFilesInsteadOfTheWeather() throws IOException {
        write("pv-1", "2024-06-03T00:00:00Z,100\n2024-06-03T00:15:00Z,250\n2024-06-03T00:30:00Z,400\n2024-06-03T00:45:00Z,0\n");
        write("load-1", "2024-06-03T00:00:00Z,300\n2024-06-03T00:15:00Z,500\n2024-06-03T00:30:00Z,200\n2024-06-03T00:45:00Z,100\n");
        Map<String, TimeSeries> series = DeviceSeriesFiles.load(dir, CsvFormat.of(Unit.KW).withLocalZone(UTC), START);
        assertThat(DeviceSeriesFiles.endWithin(series, START.plus(Duration.ofDays(60)))).isEqualTo(Instant.parse("2024-06-03T01:00:00Z"));

        List<AssetSpec> specs = List.of(
                new AssetSpec("pf", AssetKind.PORTFOLIO, "P", Optional.empty(), 52, 13, TechnicalLimits.NONE),
                new AssetSpec("site", AssetKind.SITE, "S", Optional.of("pf"), 52, 13, TechnicalLimits.groupWithGridLimit(5.0)),
                new AssetSpec("pv-1", AssetKind.PV, "PV", Optional.of("site"), 52, 13, TechnicalLimits.power(0, 1, 1.0)),
                new AssetSpec("load-1", AssetKind.LOAD, "Load", Optional.of("site"), 52, 13, TechnicalLimits.power(-1, 0, 1.0)));
        var clock = new SteppedClock(START, UTC);
        var world = DemoWorld.build(specs, clock, START, Duration.ofHours(1), 1, OutageModel.never(), MeasurementNoise.NONE,
                new TimeSeries(START.minus(Duration.ofHours(1)), Duration.ofMinutes(15), new double[12]), series);
        List<TelemetrySample> readings = new ArrayList<>();
        var fleet = new TwinFleet(world.twins(), readings::addAll);
        for (int quarter = 0; quarter < 4; quarter++) {
            fleet.step(START.plus(Duration.ofMinutes(15L * quarter)), Duration.ofMinutes(15), Map.of());
        }
        assertThat(readings.stream().filter(r -> r.assetId().equals("pv-1")).map(TelemetrySample::powerMw))
                .containsExactly(0.1, 0.25, 0.4, 0.0);       // kW file, MW readings
        assertThat(readings.stream().filter(r -> r.assetId().equals("load-1")).map(TelemetrySample::powerMw))
                .containsExactly(-0.3, -0.5, -0.2, -0.1);    // metered consumption, drawn from the grid
    }

    @Test
    void aFileStartingAfterTheSimulationIsRefusedByName() throws IOException {
        write("pv-late", "2024-06-04T00:00:00Z,1\n2024-06-04T00:15:00Z,1\n");
        assertThatThrownBy(() -> DeviceSeriesFiles.load(dir, CsvFormat.of(Unit.MW).withLocalZone(UTC), START))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pv-late.csv").hasMessageContaining("starts at 2024-06-03T00:00:00Z");
    }
}
