package org.vpp.forecast.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricsTest {

    private static double[] numbers(String spaced) {
        return Arrays.stream(spaced.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    @ParameterizedTest(name = "actual [{0}] forecast [{1}] training [{2}] season {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # actual  | forecast | training      | season | MAE   | RMSE               | MASE
              1 2 3   | 2 2 5    | 1 3 2 4       | 1      | 1.0   | 1.2909944487358056 | 0.6
              1 2 3   | 2 2 5    | 1 3 2 5 2     | 2      | 1.0   | 1.2909944487358056 | 1.0
              4 4     | 4 4      | 1 2 1 2       | 2      | 0.0   | 0.0                | 0.0
              4 4     | 5 3      | 1 2 1 2       | 2      | 1.0   | 1.0                | Infinity
              -1 1    | 1 -1     | 0 2 0 0       | 1      | 2.0   | 2.0                | 1.5
              10      | 7        | 0 0 0 6       | 3      | 3.0   | 3.0                | 0.5
            """)
    void computeTheHandWorkedValues(String actual, String forecast, String training, int season,
                                    double mae, double rmse, double mase) {
        Scores scores = Scores.of(numbers(actual), numbers(forecast), numbers(training), season);

        assertThat(scores.mae()).isCloseTo(mae, within(1e-12));
        assertThat(scores.rmse()).isCloseTo(rmse, within(1e-12));
        if (Double.isInfinite(mase)) {
            assertThat(scores.mase()).isEqualTo(mase);
        } else {
            assertThat(scores.mase()).isCloseTo(mase, within(1e-12));
        }
    }
}
