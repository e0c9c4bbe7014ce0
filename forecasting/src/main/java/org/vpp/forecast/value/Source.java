package org.vpp.forecast.value;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.vpp.forecast.feature.WeatherFeed;
import org.vpp.kernel.GeoLocation;

/**
 * What is forecast: its kind, the local time zone its calendar (and its holidays) follow, for PV the site, whose
 * sun position gives the clear-sky feature, and where a weather service covers the site, its forecasts.
 */
public record Source(SourceKind kind, ZoneId zone, Optional<GeoLocation> site, Optional<WeatherFeed> weather) {

    public Source {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(weather, "weather");
        if (kind == SourceKind.PV && site.isEmpty()) {
            throw new IllegalArgumentException("a PV source needs its site (lat/lon) for the clear-sky feature");
        }
    }

    /** A source without weather forecasts. */
    public Source(SourceKind kind, ZoneId zone, Optional<GeoLocation> site) {
        this(kind, zone, site, Optional.empty());
    }

    /** This source with weather forecasts for its site. */
    public Source withWeather(WeatherFeed feed) {
        return new Source(kind, zone, site, Optional.of(feed));
    }

    public static Source pv(GeoLocation site, ZoneId zone) {
        return new Source(SourceKind.PV, zone, Optional.of(site));
    }

    /** A source without a site; not for PV. */
    public static Source of(SourceKind kind, ZoneId zone) {
        return new Source(kind, zone, Optional.empty());
    }
}
