package org.vpp.simulator.weather;

import java.util.Locale;

/** A point on Earth for weather and sun position; latitude north-positive, longitude east-positive, in degrees. */
public record Location(double latitudeDeg, double longitudeDeg, double elevationM) {

    public Location {
        if (!(latitudeDeg >= -90 && latitudeDeg <= 90)) {
            throw new IllegalArgumentException("latitude must be in [-90, 90], was " + latitudeDeg);
        }
        if (!(longitudeDeg >= -180 && longitudeDeg <= 180)) {
            throw new IllegalArgumentException("longitude must be in [-180, 180], was " + longitudeDeg);
        }
        if (!Double.isFinite(elevationM)) {
            throw new IllegalArgumentException("elevation must be finite");
        }
    }

    public static Location of(double latitudeDeg, double longitudeDeg) {
        return new Location(latitudeDeg, longitudeDeg, 0);
    }

    /** A stable name for deriving this location's random streams. */
    public String streamKey() {
        return String.format(Locale.ROOT, "%.4f,%.4f", latitudeDeg, longitudeDeg);
    }
}
