package org.vpp.api.simulation;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.vpp.simulator.csv.CsvFormat;
import org.vpp.simulator.series.Unit;

/**
 * The demo world of the main run (vpp.simulation.*): a demo fleet registered through the real commands, digital
 * twins reporting through the real ingestion path, and a day-ahead market, all on one accelerated clock.
 *
 * @param enabled        off for a real deployment (VPP_SIMULATION=false): then the clock is real time
 * @param speed          simulated seconds per real second (720 = one simulated day per two minutes)
 * @param devices        size of the demo fleet
 * @param seed           one seed for the fleet, weather, twins and market: the same seed gives the same world
 * @param twinStep       simulated time between two readings of a twin
 * @param tickEvery      real time between two steps of the driver
 * @param horizon        how far ahead the twins' weather, load and price series are generated
 * @param meanTimeToFailure, meanTimeToRepair  the twins' random outages
 * @param start          where simulated time begins on a first run; default: now, or the start of imported prices
 * @param seriesDir      a directory of {@code <asset-id>.csv} files replacing devices' synthetic series (optional)
 * @param seriesUnit     the unit of those files' values (MW by default, or KW)
 * @param seriesSeparator, seriesDecimalComma, seriesMaxFill  how those files are written: the column separator
 *                       (',' by default), "12,5" for 12.5, the longest run of missing values filled (default one
 *                       hour); timestamps without offset are read in {@code zone}
 * @param warmUp         meter history a newly registered fleet brings along, simulated at 15-minute resolution
 *                       before the clock's start, so forecasting has history from the first simulated hour
 */
@ConfigurationProperties("vpp.simulation")
public record SimulationProperties(boolean enabled, double speed, int devices, long seed, Duration twinStep,
                                   Duration tickEvery, Duration horizon, Duration meanTimeToFailure,
                                   Duration meanTimeToRepair, ZoneId zone, Instant start, Path seriesDir,
                                   Unit seriesUnit, Duration warmUp, Character seriesSeparator,
                                   boolean seriesDecimalComma, Duration seriesMaxFill) {

    public SimulationProperties {
        if (speed <= 0) speed = 720;
        if (devices <= 0) devices = 40;
        if (twinStep == null) twinStep = Duration.ofMinutes(1);
        if (tickEvery == null) tickEvery = Duration.ofMillis(100);
        if (horizon == null) horizon = Duration.ofDays(60);
        if (meanTimeToFailure == null) meanTimeToFailure = Duration.ofDays(20);
        if (meanTimeToRepair == null) meanTimeToRepair = Duration.ofHours(6);
        if (zone == null) zone = ZoneId.of("Europe/Berlin");
        if (seriesUnit == null) seriesUnit = Unit.MW;
        if (warmUp == null) warmUp = Duration.ofDays(5);
        if (seriesSeparator == null) seriesSeparator = ',';
        if (seriesMaxFill == null) seriesMaxFill = CsvFormat.DEFAULT_MAX_FILL;
    }

    /** How the device series files are read. */
    public CsvFormat seriesFormat() {
        return CsvFormat.of(seriesUnit).withSeparator(seriesSeparator).withLocalZone(zone)
                .withDecimalComma(seriesDecimalComma).withMaxFill(seriesMaxFill);
    }
}
