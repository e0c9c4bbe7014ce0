package org.vpp.simulator.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SteppedClockTest {

    private static final Instant START = Instant.parse("2025-06-01T00:00:00Z");

    @Test
    void timeMovesOnlyWhenAdvanced() {
        SteppedClock clock = new SteppedClock(START, ZoneOffset.UTC);
        assertThat(clock.now()).isEqualTo(START);
        clock.advance(Duration.ofMinutes(15));
        assertThat(clock.now()).isEqualTo(START.plusSeconds(900));
        assertThat(clock.instant()).isEqualTo(clock.now());
    }

    @Test
    void refusesToGoBackwards() {
        SteppedClock clock = new SteppedClock(START, ZoneOffset.UTC);
        assertThatThrownBy(() -> clock.advanceTo(START.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listenersHearEveryAdvance() {
        SteppedClock clock = new SteppedClock(START, ZoneOffset.UTC);
        List<String> heard = new ArrayList<>();
        clock.addListener((from, to) -> heard.add(from + ">" + to));
        clock.advance(Duration.ofHours(1));
        clock.advance(Duration.ZERO);
        assertThat(heard).containsExactly(START + ">" + START.plusSeconds(3600));
    }

    @Test
    void acceleratedClockRunsFactorTimesFasterThanTheWall() {
        Instant[] wall = {Instant.parse("2030-01-01T00:00:00Z")};
        AcceleratedClock clock = new AcceleratedClock(() -> wall[0], START, 720, ZoneOffset.UTC);
        assertThat(clock.now()).isEqualTo(START);
        wall[0] = wall[0].plus(Duration.ofMinutes(2));
        assertThat(clock.now()).isEqualTo(START.plus(Duration.ofDays(1)));
        assertThat(clock.realDurationOf(Duration.ofDays(1))).isEqualTo(Duration.ofMinutes(2));
    }
}
