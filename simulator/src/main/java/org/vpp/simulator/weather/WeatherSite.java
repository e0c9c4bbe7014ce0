package org.vpp.simulator.weather;

import java.util.Locale;
import java.util.Objects;
import org.vpp.kernel.GeoLocation;

/**
 * Where weather is generated: the kernel's location plus the site's elevation, which lowers the temperature
 * (lapse rate) and enters the sun's position.
 */
public record WeatherSite(GeoLocation location, double elevationM) {

    public WeatherSite {
        Objects.requireNonNull(location, "location");
        if (!Double.isFinite(elevationM)) {
            throw new IllegalArgumentException("elevation must be finite");
        }
    }

    /** A site at sea level. */
    public static WeatherSite of(double latitudeDeg, double longitudeDeg) {
        return new WeatherSite(new GeoLocation(latitudeDeg, longitudeDeg), 0);
    }

    public double latitudeDeg() {
        return location.latitude();
    }

    public double longitudeDeg() {
        return location.longitude();
    }

    /** A stable name for deriving this site's random streams. */
    public String streamKey() {
        return String.format(Locale.ROOT, "%.4f,%.4f", location.latitude(), location.longitude());
    }
}
