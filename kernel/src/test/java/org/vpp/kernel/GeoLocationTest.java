package org.vpp.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeoLocationTest {

    @ParameterizedTest(name = "({0}, {1}) is a place")
    @CsvSource({"90, 180", "-90, -180", "52.52, 13.40", "0, 0"})
    void acceptsEveryPointOnEarth(double latitude, double longitude) {
        assertThat(new GeoLocation(latitude, longitude).latitude()).isEqualTo(latitude);
    }

    @ParameterizedTest(name = "({0}, {1}) is refused, naming {2}")
    @CsvSource({"91, 0, latitude", "-90.5, 0, latitude", "NaN, 0, latitude", "0, 180.1, longitude",
            "0, -181, longitude", "0, NaN, longitude"})
    void refusesAPointOffTheGlobe(double latitude, double longitude, String named) {
        assertThatThrownBy(() -> new GeoLocation(latitude, longitude))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(named);
    }
}
