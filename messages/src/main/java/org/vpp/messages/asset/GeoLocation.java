package org.vpp.messages.asset;

/** WGS84 position in decimal degrees, used for weather. Validated by the asset rules, not here. */
public record GeoLocation(double latitude, double longitude) {
}
