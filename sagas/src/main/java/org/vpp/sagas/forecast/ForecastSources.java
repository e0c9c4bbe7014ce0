package org.vpp.sagas.forecast;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vpp.forecast.value.Source;
import org.vpp.forecast.value.SourceKind;
import org.vpp.kernel.AssetKind;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetStatus;
import org.vpp.messages.fleet.AssetFilter;
import org.vpp.messages.fleet.AssetPage;
import org.vpp.messages.fleet.AssetView;
import org.vpp.messages.fleet.FindAssets;
import org.vpp.messages.forecast.ForecastSourceId;
import org.vpp.sagas.port.WeatherForecasts;
import org.vpp.messages.forecast.ForecastSourceKind;

/**
 * What the pipeline forecasts: every PV, wind and load device of the fleet that is not decommissioned (whatever
 * its current status: an offline device comes back, and its history is still there), plus the day-ahead price
 * of each configured market zone. A PV or wind device with a location gets the weather forecasts for it, where a
 * weather service covers it.
 */
public class ForecastSources {

    private static final Logger log = LoggerFactory.getLogger(ForecastSources.class);
    private static final Map<AssetKind, ForecastSourceKind> DEVICE_KINDS = Map.of(
            AssetKind.PV, ForecastSourceKind.PV, AssetKind.WIND, ForecastSourceKind.WIND, AssetKind.LOAD, ForecastSourceKind.LOAD);

    private final QueryGateway queries;
    private final ForecastSettings properties;
    private final WeatherForecasts weather;

    public ForecastSources(QueryGateway queries, ForecastSettings properties, WeatherForecasts weather) {
        this.queries = queries;
        this.properties = properties;
        this.weather = weather;
    }

    /** Sources without weather forecasts. */
    public ForecastSources(QueryGateway queries, ForecastSettings properties) {
        this(queries, properties, WeatherForecasts.NONE);
    }

    public List<ForecastSourceSpec> all() {
        List<ForecastSourceSpec> sources = new ArrayList<>();
        Set<AssetStatus> live = EnumSet.complementOf(EnumSet.of(AssetStatus.DECOMMISSIONED));
        AssetFilter devices = new AssetFilter(DEVICE_KINDS.keySet(), live, null, null);
        AssetId after = null;
        AssetPage page;
        do {
            page = queries.query(new FindAssets(devices, FindAssets.MAX_PAGE, after), AssetPage.class).join();
            for (AssetView asset : page.items()) {
                device(asset).ifPresent(sources::add);
                after = asset.id();
            }
        } while (page.hasNextPage());
        for (String zone : properties.zones()) {
            sources.add(new ForecastSourceSpec(ForecastSourceId.of(ForecastSourceKind.PRICE, zone),
                    Source.of(SourceKind.PRICE, properties.timeZone()), null, zone));
        }
        return List.copyOf(sources);
    }

    private Source withWeather(Source source, AssetView asset) {
        return weather.forDevice(asset).map(source::withWeather).orElse(source);
    }

    private java.util.Optional<ForecastSourceSpec> device(AssetView asset) {
        ForecastSourceKind kind = DEVICE_KINDS.get(asset.kind());
        ForecastSourceId id = ForecastSourceId.of(kind, asset.id().value());
        Source source = switch (kind) {
            case PV -> {
                if (asset.location() == null) {
                    log.debug("Forecast: {} has no location, so no clear-sky feature; not forecast", id);
                    yield null;
                }
                yield withWeather(Source.pv(asset.location(), properties.timeZone()), asset);
            }
            case WIND -> asset.location() == null ? Source.of(SourceKind.WIND, properties.timeZone())
                    : withWeather(new Source(SourceKind.WIND, properties.timeZone(),
                            java.util.Optional.of(asset.location())), asset);
            case LOAD -> Source.of(SourceKind.LOAD, properties.timeZone());
            case PRICE -> throw new IllegalStateException("a device is never a price source");
        };
        return java.util.Optional.ofNullable(source).map(s -> withCapacity(s, asset))
                .map(s -> new ForecastSourceSpec(id, s, asset.id(), null));
    }

    /** A PV plant or wind park never produces more than its registered maximum power: its forecasts neither. */
    private static Source withCapacity(Source source, AssetView asset) {
        if (!source.kind().nonNegative() || asset.limits() == null || asset.limits().maxPowerMw() == null) return source;
        double max = asset.limits().maxPowerMw();
        return Double.isFinite(max) && max > 0 ? source.withCapacity(max) : source;
    }
}
