package org.vpp.kernel;

/**
 * A point on Earth in decimal degrees (WGS84): latitude north-positive, longitude east-positive. Used for weather
 * and the sun's position. Serialized in events by its component names ({@code latitude}, {@code longitude}).
 */
public record GeoLocation(double latitude, double longitude) {

    public GeoLocation {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude must be in [-90, 90], was " + latitude);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude must be in [-180, 180], was " + longitude);
        }
    }
}
