package org.vpp.api.bidding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bidding settings' defaults, and a setting out of its range refused naming it. */
class BiddingPropertiesTest {

    private static BiddingProperties withRoundTrip(Double efficiency) {
        return new BiddingProperties(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, efficiency);
    }

    @Test
    void theRoundTripEfficiencyDefaultsToThatOfATypicalLithiumIonBattery() {
        assertThat(withRoundTrip(null).roundTripEfficiency()).isEqualTo(0.85);
        assertThat(withRoundTrip(1.0).roundTripEfficiency()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.5, 1.01, 1e300, Double.NaN})
    void aRoundTripEfficiencyOutsideZeroToOneIsRefusedNamingTheSetting(double efficiency) {
        assertThatThrownBy(() -> withRoundTrip(efficiency)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("vpp.bidding.round-trip-efficiency must be within (0, 1], got ");
    }
}
