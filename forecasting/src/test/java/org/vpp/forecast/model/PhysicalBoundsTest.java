package org.vpp.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vpp.forecast.SyntheticSeries;
import org.vpp.forecast.feature.SiteClearSky;
import org.vpp.forecast.value.Source;
import org.vpp.forecast.value.SourceKind;
import org.vpp.kernel.GeoLocation;
import org.vpp.kernel.TimeSeries;

class PhysicalBoundsTest {

    /** A model that always says the same thing, to see what the bounds make of it. */
    private record Constant(double value) implements ForecastModel {
        public String name() {
            return "constant";
        }

        public Map<String, String> parameters() {
            return Map.of();
        }

        public int complexity() {
            return 0;
        }

        public int minimumHistory(Duration step) {
            return 1;
        }

        public FittedModel fit(TimeSeries history) {
            return steps -> java.util.stream.DoubleStream.generate(() -> value).limit(steps).toArray();
        }
    }

    private static final GeoLocation BERLIN = new GeoLocation(52.52, 13.40);
    private static final TimeSeries ONE_DAY = SyntheticSeries.daily(Duration.ofMinutes(15), 1, hour -> 1);

    @Test
    void pvForecastIsZeroWheneverTheClearSkyIsZero() {
        ForecastModel bounded = PhysicalBounds.around(new Constant(3), Source.pv(BERLIN, ZoneId.of("Europe/Berlin")));

        double[] forecast = bounded.fit(ONE_DAY).predict(96);
        double[] sky = new SiteClearSky(BERLIN).intervalMeans(ONE_DAY.end(), ONE_DAY.step(), 96);

        for (int k = 0; k < 96; k++) {
            assertThat(forecast[k]).as("step %d", k).isEqualTo(sky[k] == 0 ? 0 : 3);
        }
        assertThat(forecast[0]).as("midnight UTC in June").isZero();
        assertThat(forecast[48]).as("noon UTC in June").isEqualTo(3);
    }

    @Test
    void windForecastIsClippedAtZeroButNotMaskedAtNight() {
        ForecastModel negative = PhysicalBounds.around(new Constant(-2), Source.of(SourceKind.WIND, ZoneOffset.UTC));
        ForecastModel positive = PhysicalBounds.around(new Constant(2), Source.of(SourceKind.WIND, ZoneOffset.UTC));

        assertThat(negative.fit(ONE_DAY).predict(96)).containsOnly(0);
        assertThat(positive.fit(ONE_DAY).predict(96)).containsOnly(2);
    }

    @Test
    void generationIsClippedAtTheDevicesCapacityPointAndBandAlike() {
        // A trend carried a 2.8 MW wind park's forecast to 9 MW once; its capacity is the ceiling.
        Source park = Source.of(SourceKind.WIND, ZoneOffset.UTC).withCapacity(2.8);
        ForecastModel bounded = PhysicalBounds.around(new Constant(9), park);

        assertThat(bounded.fit(ONE_DAY).predict(96)).containsOnly(2.8);
        assertThat(PhysicalBounds.clip(park, ONE_DAY.end(), ONE_DAY.step(), new double[] {-1, 1.5, 4}))
                .containsExactly(0, 1.5, 2.8);
        var feed = new org.vpp.forecast.feature.WeatherFeed() {
            public org.vpp.forecast.feature.WeatherColumns issued(java.time.Instant issuedAt, java.time.Instant from,
                                                                  Duration step, int count) {
                throw new AssertionError("not read");
            }

            public org.vpp.forecast.feature.WeatherColumns dayAhead(java.time.Instant from, Duration step, int count) {
                throw new AssertionError("not read");
            }
        };
        assertThat(park.withWeather(feed).capacity()).as("weather keeps the capacity").hasValue(2.8);
    }

    @Test
    void onlyAGeneratingSourceHasACapacityAndItIsNeverNegative() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Source.of(SourceKind.LOAD, ZoneOffset.UTC).withCapacity(5))
                .hasMessageContaining("only a generating source has a capacity");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Source.of(SourceKind.WIND, ZoneOffset.UTC).withCapacity(-1))
                .hasMessageContaining("capacity must be finite and not negative");
    }

    @Test
    void pricesMayBeNegative() {
        ForecastModel model = PhysicalBounds.around(new Constant(-40), Source.of(SourceKind.PRICE, ZoneOffset.UTC));

        assertThat(model.fit(ONE_DAY).predict(4)).containsOnly(-40);
    }
}
