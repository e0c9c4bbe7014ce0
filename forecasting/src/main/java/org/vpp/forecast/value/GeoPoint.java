package org.vpp.forecast.value;

/** A site's position in decimal degrees (WGS84), used for the sun's position. */
public record GeoPoint(double latitude, double longitude) {

    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude out of [-90, 90]: " + latitude);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude out of [-180, 180]: " + longitude);
        }
    }
}
