package org.vpp.forecast.value;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.vpp.forecast.feature.WeatherFeed;
import org.vpp.kernel.GeoLocation;

/**
 * What is forecast: its kind, the local time zone its calendar (and its holidays) follow, for PV the site, whose
 * sun position gives the clear-sky feature, where a weather service covers the site, its forecasts, and for a
 * generating device its capacity: the most it can produce (MW), which no forecast of it may exceed.
 */
public record Source(SourceKind kind, ZoneId zone, Optional<GeoLocation> site, Optional<WeatherFeed> weather,
                     OptionalDouble capacity) {

    public Source {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(weather, "weather");
        Objects.requireNonNull(capacity, "capacity");
        if (kind == SourceKind.PV && site.isEmpty()) {
            throw new IllegalArgumentException("a PV source needs its site (lat/lon) for the clear-sky feature");
        }
        if (capacity.isPresent() && !(Double.isFinite(capacity.getAsDouble()) && capacity.getAsDouble() >= 0)) {
            throw new IllegalArgumentException("capacity must be finite and not negative, got " + capacity.getAsDouble());
        }
        if (capacity.isPresent() && !kind.nonNegative()) {
            throw new IllegalArgumentException("only a generating source has a capacity, not " + kind);
        }
    }

    /** A source with weather forecasts (or none) and no known capacity. */
    public Source(SourceKind kind, ZoneId zone, Optional<GeoLocation> site, Optional<WeatherFeed> weather) {
        this(kind, zone, site, weather, OptionalDouble.empty());
    }

    /** A source without weather forecasts. */
    public Source(SourceKind kind, ZoneId zone, Optional<GeoLocation> site) {
        this(kind, zone, site, Optional.empty());
    }

    /** This source with weather forecasts for its site. */
    public Source withWeather(WeatherFeed feed) {
        return new Source(kind, zone, site, Optional.of(feed), capacity);
    }

    /** This source with its capacity (MW): its forecasts never exceed it. */
    public Source withCapacity(double capacityMw) {
        return new Source(kind, zone, site, weather, OptionalDouble.of(capacityMw));
    }

    public static Source pv(GeoLocation site, ZoneId zone) {
        return new Source(SourceKind.PV, zone, Optional.of(site));
    }

    /** A source without a site; not for PV. */
    public static Source of(SourceKind kind, ZoneId zone) {
        return new Source(kind, zone, Optional.empty());
    }
}
