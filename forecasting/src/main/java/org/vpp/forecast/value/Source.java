package org.vpp.forecast.value;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.vpp.kernel.GeoLocation;

/**
 * What is forecast: its kind, the local time zone its calendar follows (load and prices follow local hours),
 * and for PV the site, whose sun position gives the clear-sky feature.
 */
public record Source(SourceKind kind, ZoneId zone, Optional<GeoLocation> site) {

    public Source {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(site, "site");
        if (kind == SourceKind.PV && site.isEmpty()) {
            throw new IllegalArgumentException("a PV source needs its site (lat/lon) for the clear-sky feature");
        }
    }

    public static Source pv(GeoLocation site, ZoneId zone) {
        return new Source(SourceKind.PV, zone, Optional.of(site));
    }

    /** A source without a site; not for PV. */
    public static Source of(SourceKind kind, ZoneId zone) {
        return new Source(kind, zone, Optional.empty());
    }
}
