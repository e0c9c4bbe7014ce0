package org.vpp.sagas.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.Test;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.GeoLocation;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.fleet.AssetPage;
import org.vpp.messages.asset.AssetStatus;
import org.vpp.messages.fleet.AssetView;
import org.vpp.messages.fleet.FindAssets;
import org.vpp.messages.asset.StatusOrigin;

/** Which sources the pipeline forecasts, and what each knows of its device. */
class ForecastSourcesTest {

    private static final Instant AT = Instant.parse("2026-06-15T08:00:00Z");
    private static final GeoLocation SITE = new GeoLocation(52.5, 13.4);

    @Test
    void aPvPlantOrWindParkIsForecastWithinItsRegisteredMaximumPowerAndALoadHasNoCeiling() {
        var assets = List.of(
                asset("pv-1", AssetKind.PV, TechnicalLimits.power(0, 14.6, null)),
                asset("wind-1", AssetKind.WIND, TechnicalLimits.power(0, 2.8, null)),
                asset("wind-2", AssetKind.WIND, null),
                asset("load-1", AssetKind.LOAD, TechnicalLimits.power(-5, -1, null)));
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        bus.subscribe(FindAssets.class.getName(), AssetPage.class, q -> new AssetPage(assets, false, assets.size()));
        ForecastSettings settings = new ForecastSettings(true, Duration.ofHours(1), Duration.ofMinutes(5), 96,
                Duration.ofDays(7), 3, Duration.ofMillis(200), 1, ZoneId.of("Europe/Berlin"), List.of("DE-LU"), 42L, 51.0,
                10.0, Duration.ofHours(1), 96);

        Map<String, ForecastSourceSpec> byDevice = new ForecastSources(DefaultQueryGateway.builder().queryBus(bus).build(),
                settings).all().stream().filter(s -> s.device() != null)
                .collect(Collectors.toMap(s -> s.device().value(), Function.identity()));

        assertThat(byDevice.get("pv-1").source().capacity()).hasValue(14.6);
        assertThat(byDevice.get("wind-1").source().capacity()).hasValue(2.8);
        assertThat(byDevice.get("wind-2").source().capacity()).as("no limits registered").isEmpty();
        assertThat(byDevice.get("load-1").source().capacity()).isEmpty();
    }

    private static AssetView asset(String id, AssetKind kind, TechnicalLimits limits) {
        return new AssetView(AssetId.of(id), kind, id, AssetId.of("site-1"), AssetStatus.ONLINE, StatusOrigin.OPERATOR,
                null, SITE, limits, AT, AT, 0, null);
    }
}
