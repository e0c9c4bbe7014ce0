package org.vpp.query.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vpp.kernel.AssetKind;
import org.vpp.messages.asset.AssetId;

class TelemetryRulesTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Instant AT = NOW.minusSeconds(30);
    private static final long INDEX = 7;
    private static final Duration MAX_AHEAD = Duration.ofMinutes(5);

    private static final Map<AssetId, KnownDevice> DEVICES = Map.of(
            AssetId.of("bat-1"), new KnownDevice(AssetKind.BATTERY, false),
            AssetId.of("bat-off"), new KnownDevice(AssetKind.BATTERY, false),
            AssetId.of("ev-1"), new KnownDevice(AssetKind.EV_CHARGER, false),
            AssetId.of("pv-1"), new KnownDevice(AssetKind.PV, false),
            AssetId.of("load-1"), new KnownDevice(AssetKind.LOAD, false),
            AssetId.of("pv-old"), new KnownDevice(AssetKind.PV, true),
            AssetId.of("site-1"), new KnownDevice(AssetKind.SITE, false),
            AssetId.of("region-1"), new KnownDevice(AssetKind.REGION, false),
            AssetId.of("pf-1"), new KnownDevice(AssetKind.PORTFOLIO, false));

    private static final Function<AssetId, Optional<KnownDevice>> LOOKUP = id -> Optional.ofNullable(DEVICES.get(id));

    private static ReadingInput reading(String assetId, Instant at, Double powerMw, Double soc, Boolean available) {
        return ReadingInput.of(assetId, at, powerMw, soc, available);
    }

    static Stream<Arguments> readings() {
        Instant skewLimit = NOW.plus(MAX_AHEAD);
        return Stream.of(
                Arguments.of("malformed line", ReadingInput.malformed("unexpected token at column 3"), "reading"),
                Arguments.of("missing assetId", reading(null, AT, 1.0, null, true), "assetId"),
                Arguments.of("empty assetId", reading("", AT, 1.0, null, true), "assetId"),
                Arguments.of("blank assetId", reading("   ", AT, 1.0, null, true), "assetId"),
                Arguments.of("assetId with a space", reading("pv 1", AT, 1.0, null, true), "assetId"),
                Arguments.of("assetId starting with a dash", reading("-pv-1", AT, 1.0, null, true), "assetId"),
                Arguments.of("assetId too long", reading("p".repeat(AssetId.MAX_LENGTH + 1), AT, 1.0, null, true), "assetId"),
                Arguments.of("unknown assetId", reading("pv-404", AT, 1.0, null, true), "assetId"),
                Arguments.of("a site's id", reading("site-1", AT, 1.0, null, true), "assetId"),
                Arguments.of("a region's id", reading("region-1", AT, 1.0, null, true), "assetId"),
                Arguments.of("a portfolio's id", reading("pf-1", AT, 1.0, null, true), "assetId"),
                Arguments.of("decommissioned device", reading("pv-old", AT, 1.0, null, true), "assetId"),
                Arguments.of("missing at", reading("pv-1", null, 1.0, null, true), "at"),
                Arguments.of("at 1 ms beyond the clock skew", reading("pv-1", skewLimit.plusMillis(1), 1.0, null, true), "at"),
                Arguments.of("at an hour in the future", reading("pv-1", NOW.plus(Duration.ofHours(1)), 1.0, null, true), "at"),
                Arguments.of("at exactly at the clock skew", reading("pv-1", skewLimit, 1.0, null, true), null),
                Arguments.of("at a year in the past", reading("pv-1", NOW.minus(Duration.ofDays(365)), 1.0, null, true), null),
                Arguments.of("malformed at", ReadingInput.malformed("at", "is out of range"), "at"),
                Arguments.of("at in year 0000", reading("pv-1", Instant.parse("0000-06-01T00:00:00Z"), 1.0, null, true), "at"),
                Arguments.of("at in year 0001", reading("pv-1", Instant.parse("0001-01-01T00:00:00Z"), 1.0, null, true), "at"),
                Arguments.of("at the epoch", reading("pv-1", Instant.EPOCH, 1.0, null, true), "at"),
                Arguments.of("at exactly 2000-01-01", reading("pv-1", Instant.parse("2000-01-01T00:00:00Z"), 1.0, null, true), "at"),
                Arguments.of("at 1 ms after 2000-01-01", reading("pv-1", Instant.parse("2000-01-01T00:00:00.001Z"), 1.0, null, true), null),
                Arguments.of("at 1e18 epoch seconds", reading("pv-1", Instant.ofEpochSecond(1_000_000_000_000_000L), 1.0, null, true), "at"),
                Arguments.of("at Instant.MAX", reading("pv-1", Instant.MAX, 1.0, null, true), "at"),
                Arguments.of("powerMw of 1e308", reading("pv-1", AT, 1e308, null, true), "powerMw"),
                Arguments.of("powerMw of -1e308", reading("bat-1", AT, -1e308, 0.5, true), "powerMw"),
                Arguments.of("powerMw 1 MW beyond 100 GW", reading("pv-1", AT, 100_001.0, null, true), "powerMw"),
                Arguments.of("powerMw at -100 GW", reading("bat-1", AT, -100_000.0, 0.5, true), null),
                Arguments.of("soc of 1e308", reading("bat-1", AT, 0.5, 1e308, true), "soc"),
                Arguments.of("missing powerMw", reading("pv-1", AT, null, null, true), "powerMw"),
                Arguments.of("NaN powerMw", reading("pv-1", AT, Double.NaN, null, true), "powerMw"),
                Arguments.of("+infinite powerMw", reading("pv-1", AT, Double.POSITIVE_INFINITY, null, true), "powerMw"),
                Arguments.of("-infinite powerMw", reading("bat-1", AT, Double.NEGATIVE_INFINITY, 0.5, true), "powerMw"),
                Arguments.of("soc below 0", reading("bat-1", AT, 0.5, -0.01, true), "soc"),
                Arguments.of("soc above 1", reading("bat-1", AT, 0.5, 1.01, true), "soc"),
                Arguments.of("NaN soc", reading("bat-1", AT, 0.5, Double.NaN, true), "soc"),
                Arguments.of("infinite soc", reading("bat-1", AT, 0.5, Double.POSITIVE_INFINITY, true), "soc"),
                Arguments.of("soc on a PV", reading("pv-1", AT, 0.5, 0.5, true), "soc"),
                Arguments.of("soc on a load", reading("load-1", AT, -0.5, 0.5, true), "soc"),
                Arguments.of("missing available", reading("bat-1", AT, 0.5, 0.5, null), "available"),
                Arguments.of("valid battery reading", reading("bat-1", AT, -1.5, 0.4, true), null),
                Arguments.of("valid battery reading at soc 0", reading("bat-1", AT, 0.0, 0.0, true), null),
                Arguments.of("valid battery reading at soc 1", reading("bat-1", AT, 0.0, 1.0, false), null),
                Arguments.of("valid battery reading without soc", reading("bat-1", AT, 0.25, null, true), null),
                Arguments.of("valid reading of an OFFLINE battery", reading("bat-off", AT, 0.0, 0.5, true), null),
                Arguments.of("valid EV charger reading", reading("ev-1", AT, -0.011, 0.8, true), null),
                Arguments.of("valid PV reading", reading("pv-1", NOW, 0.8, null, true), null),
                Arguments.of("valid PV reading, unavailable", reading("pv-1", AT, 0.0, null, false), null),
                Arguments.of("valid reading of a load in MAINTENANCE", reading("load-1", AT, -0.3, null, true), null));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource
    void readings(String description, ReadingInput reading, String expectedField) {
        Optional<TelemetryProblem> problem = TelemetryRules.check(INDEX, reading, LOOKUP, NOW, MAX_AHEAD);

        if (expectedField == null) {
            assertThat(problem).as(description).isEmpty();
        } else {
            assertThat(problem).as(description).hasValueSatisfying(p -> {
                assertThat(p.field()).isEqualTo(expectedField);
                assertThat(p.index()).isEqualTo(INDEX);
                assertThat(p.message()).isNotBlank();
            });
        }
    }

    @Test
    void the_margin_ahead_of_the_clock_is_five_minutes_by_default() {
        assertThat(TelemetryRules.DEFAULT_MAX_AHEAD).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void the_margin_ahead_of_the_clock_is_the_one_given() {
        ReadingInput inAMinute = reading("pv-1", NOW.plusSeconds(60), 1.0, null, true);

        assertThat(TelemetryRules.check(0, inAMinute, LOOKUP, NOW, Duration.ofSeconds(59))).map(TelemetryProblem::field).contains("at");
        assertThat(TelemetryRules.check(0, inAMinute, LOOKUP, NOW, Duration.ofSeconds(60))).isEmpty();
    }

    @Test
    void an_unknown_id_is_not_looked_up_when_it_is_not_a_valid_asset_id() {
        Function<AssetId, Optional<KnownDevice>> failing = id -> {
            throw new AssertionError("looked up " + id);
        };

        Optional<TelemetryProblem> problem = TelemetryRules.check(0, reading("not valid!", AT, 1.0, null, true), failing, NOW, MAX_AHEAD);

        assertThat(problem).map(TelemetryProblem::field).contains("assetId");
    }
}
