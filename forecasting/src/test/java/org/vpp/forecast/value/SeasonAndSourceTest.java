package org.vpp.forecast.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SeasonAndSourceTest {

    @Test
    void seasonLengthFollowsTheStep() {
        assertThat(Season.DAILY.length(Duration.ofMinutes(15))).isEqualTo(96);
        assertThat(Season.DAILY.length(Duration.ofHours(1))).isEqualTo(24);
        assertThat(Season.WEEKLY.length(Duration.ofHours(1))).isEqualTo(168);
    }

    @Test
    void refusesAStepThatDoesNotDivideTheSeason() {
        assertThatThrownBy(() -> Season.DAILY.length(Duration.ofMinutes(7)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPvSourceNeedsItsSite() {
        assertThatThrownBy(() -> Source.of(SourceKind.PV, java.time.ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("site");
    }
}
