package org.vpp.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vpp.forecast.SyntheticSeries;
import org.vpp.kernel.TimeSeries;

class PersistenceTest {

    @Test
    void repeatsTheLastValueOverTheWholeHorizon() {
        TimeSeries history = new TimeSeries(SyntheticSeries.START, SyntheticSeries.QUARTER_HOUR, new double[] {4, 7, 5.5});

        assertThat(new Persistence().fit(history).predict(5)).containsOnly(5.5).hasSize(5);
    }
}
