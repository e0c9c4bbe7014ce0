package org.vpp.messages.bid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BidIdTest {

    @Test
    void aBidIdNamesItsZoneAndDeliveryDay() {
        var id = BidId.of("DE-LU", LocalDate.of(2026, 6, 16));
        assertThat(id.value()).isEqualTo("DE-LU:2026-06-16");
        assertThat(id.zone()).isEqualTo("DE-LU");
        assertThat(id.deliveryDay()).isEqualTo(LocalDate.of(2026, 6, 16));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE-LU:2026-06-16", "NL:2026-01-01", "IT-NORD:2028-02-29", "NO2:2026-12-31"})
    void wellFormedIdsAreAccepted(String value) {
        assertThat(BidId.isValid(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "DE-LU", "de-lu:2026-06-16", "DE-LU:2026-6-16", "DE-LU:2026-02-30", "DE-LU:2026-06-16T00:00",
            "DE--LU:2026-06-16", ":2026-06-16", "DE LU:2026-06-16"})
    void malformedIdsAreRefused(String value) {
        assertThat(BidId.isValid(value)).isFalse();
        assertThatThrownBy(() -> BidId.of(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aContentReferenceTakesOnlyASha256InLowerCaseHex() {
        assertThat(ContentReference.of("fleet-snapshot/DE-LU/1", "0".repeat(64)).sha256()).hasSize(64);
        assertThatThrownBy(() -> ContentReference.of("fleet-snapshot/DE-LU/1", "A".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContentReference.of("fleet-snapshot/DE-LU/1", "0".repeat(63)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
