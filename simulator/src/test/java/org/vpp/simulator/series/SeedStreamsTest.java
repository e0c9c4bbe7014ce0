package org.vpp.simulator.series;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeedStreamsTest {

    @Test
    void theSameSeedAndNameGiveTheSameStream() {
        assertThat(SeedStreams.stream(7, "bat-1").nextLong()).isEqualTo(SeedStreams.stream(7, "bat-1").nextLong());
    }

    @Test
    void differentNamesOrSeedsGiveDifferentStreams() {
        long base = SeedStreams.stream(7, "bat-1").nextLong();
        assertThat(SeedStreams.stream(7, "bat-2").nextLong()).isNotEqualTo(base);
        assertThat(SeedStreams.stream(8, "bat-1").nextLong()).isNotEqualTo(base);
    }

    @Test
    void ar1KeepsUnitVarianceWhateverThePersistence() {
        var rng = SeedStreams.stream(1, "ar1");
        double phi = Stochastic.phiForStep(0.9, java.time.Duration.ofMinutes(15));
        double x = 0;
        double sumSquares = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            x = Stochastic.ar1Next(x, phi, rng.nextGaussian());
            sumSquares += x * x;
        }
        assertThat(sumSquares / n).isBetween(0.8, 1.2);
    }
}
