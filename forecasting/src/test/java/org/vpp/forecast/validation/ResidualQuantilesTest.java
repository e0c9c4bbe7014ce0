package org.vpp.forecast.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vpp.forecast.value.QuantileBand;

class ResidualQuantilesTest {

    @Test
    void poolsAnHourOfQuarterHoursPerBucketAndTakesTheirQuantiles() {
        // 10 folds of 96 steps; in bucket b every residual is b + (fold - 4.5) / 10, so its spread is known.
        List<double[]> residuals = new ArrayList<>();
        for (int fold = 0; fold < 10; fold++) {
            double[] r = new double[96];
            for (int k = 0; k < 96; k++) r[k] = k / 4 + (fold - 4.5) / 10;
            residuals.add(r);
        }

        ResidualQuantiles quantiles = ResidualQuantiles.of(residuals, 96);

        assertThat(quantiles.bucketSteps()).isEqualTo(4);
        assertThat(quantiles.buckets()).isEqualTo(24);
        for (int b = 0; b < 24; b++) {
            assertThat(quantiles.p50()[b]).isCloseTo(b, within(1e-9));
            assertThat(quantiles.p10()[b]).isCloseTo(b - 0.36, within(1e-9));
            assertThat(quantiles.p90()[b]).isCloseTo(b + 0.36, within(1e-9));
        }
    }

    @Test
    void aBandFromGaussianResidualsCoversAboutEightInTenFreshDraws() {
        Random random = new Random(5);
        List<double[]> residuals = new ArrayList<>();
        for (int fold = 0; fold < 14; fold++) residuals.add(random.doubles(96).map(u -> random.nextGaussian()).toArray());
        ResidualQuantiles quantiles = ResidualQuantiles.of(residuals, 96);
        double[] point = new double[96];
        QuantileBand band = quantiles.around(point);

        int inside = 0;
        int draws = 0;
        for (int day = 0; day < 200; day++) {
            double[] actual = random.doubles(96).map(u -> random.nextGaussian()).toArray();
            int[] counts = band.coverageCounts(actual);
            inside += counts[0];
            draws += counts[1];
        }

        assertThat((double) inside / draws).isBetween(0.74, 0.86);
    }

    @Test
    void aStepWithoutUncertaintyDoesNotCountTowardsCoverage() {
        QuantileBand nightAndNoon = new QuantileBand(new double[] {0, 1}, new double[] {0, 2}, new double[] {0, 3});

        assertThat(nightAndNoon.coverage(new double[] {0, 5})).as("night is left out, noon is missed").isZero();
        assertThat(nightAndNoon.coverage(new double[] {0.7, 2})).as("a meter's night noise too").isEqualTo(1.0);
    }

    @Test
    void boundingKeepsTheLevelsInOrder() {
        QuantileBand band = new QuantileBand(new double[] {-2}, new double[] {-1}, new double[] {1});

        QuantileBand bounded = band.bounded(values -> java.util.Arrays.stream(values).map(v -> Math.max(0, v)).toArray());

        assertThat(bounded.p10()).containsExactly(0);
        assertThat(bounded.p50()).containsExactly(0);
        assertThat(bounded.p90()).containsExactly(1);
    }

    @Test
    void refusesOffsetsOutOfOrder() {
        assertThatThrownBy(() -> new ResidualQuantiles(1, new double[] {1}, new double[] {0}, new double[] {2}))
                .hasMessageContaining("ordered");
    }
}
