package org.vpp.simulator.price;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vpp.kernel.TimeSeries;
import org.vpp.simulator.weather.WeatherSite;

class PriceGeneratorTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final WeatherSite CENTRAL_GERMANY = WeatherSite.of(51, 10);
    private static final Instant YEAR_START = LocalDate.of(2025, 1, 1).atStartOfDay(BERLIN).toInstant();

    private static TimeSeries yearOfPrices(long seed) {
        SystemConditions conditions = SystemConditions.synthetic(CENTRAL_GERMANY, BERLIN, Set.of(), YEAR_START,
                Duration.ofHours(1), 8760, seed);
        return PriceGenerator.dayAheadPricesEurPerMwh(conditions, PriceModel.centralEurope(), seed);
    }

    @Test
    void aYearOfPricesHasASaneMeanFloorAndCap() {
        TimeSeries prices = yearOfPrices(42);
        assertThat(prices.mean()).isBetween(40.0, 120.0);
        assertThat(prices.min()).isGreaterThanOrEqualTo(-500);
        assertThat(prices.max()).isLessThanOrEqualTo(4000);
        long negativeHours = java.util.Arrays.stream(prices.values()).filter(p -> p < 0).count();
        assertThat(negativeHours).as("negative hours in a year").isBetween(50L, 1200L);
    }

    @Test
    void aSunnyWindySpringMonthHasNegativeHoursButNotEveryDay() {
        Instant april = LocalDate.of(2025, 4, 1).atStartOfDay(BERLIN).toInstant();
        SystemConditions conditions = SystemConditions.synthetic(CENTRAL_GERMANY, BERLIN, Set.of(), april,
                Duration.ofHours(1), 30 * 24, 42);
        double[] prices = PriceGenerator.dayAheadPricesEurPerMwh(conditions, PriceModel.centralEurope(), 42).values();
        double[] renewables = conditions.renewableFraction().values();
        int daysWithNegative = 0;
        int negativeHoursWithHighRenewables = 0;
        int negativeHours = 0;
        for (int day = 0; day < 30; day++) {
            boolean negative = false;
            for (int h = 0; h < 24; h++) {
                int i = day * 24 + h;
                if (prices[i] < 0) {
                    negative = true;
                    negativeHours++;
                    if (renewables[i] > 0.6) {
                        negativeHoursWithHighRenewables++;
                    }
                }
            }
            daysWithNegative += negative ? 1 : 0;
        }
        assertThat(daysWithNegative).isBetween(3, 27);
        assertThat(negativeHoursWithHighRenewables).as("negative prices come from renewables")
                .isGreaterThan(negativeHours * 8 / 10);
    }

    @Test
    void pricesRiseWithLoadAndFallWithRenewables() {
        Instant start = Instant.parse("2025-03-01T00:00:00Z");
        double[] highDemand = new double[200];
        double[] lowDemand = new double[200];
        double[] noRenewables = new double[200];
        double[] muchRenewables = new double[200];
        java.util.Arrays.fill(highDemand, 0.95);
        java.util.Arrays.fill(lowDemand, 0.6);
        java.util.Arrays.fill(muchRenewables, 0.5);
        TimeSeries high = price(start, highDemand, noRenewables);
        TimeSeries low = price(start, lowDemand, noRenewables);
        TimeSeries green = price(start, highDemand, muchRenewables);
        assertThat(high.mean()).isGreaterThan(low.mean());
        assertThat(green.mean()).isLessThan(high.mean());
    }

    private static TimeSeries price(Instant start, double[] demand, double[] renewables) {
        var step = Duration.ofHours(1);
        SystemConditions conditions = new SystemConditions(
                new TimeSeries(start, step, demand),
                new TimeSeries(start, step, renewables));
        return PriceGenerator.dayAheadPricesEurPerMwh(conditions, PriceModel.centralEurope(), 1);
    }

    @ParameterizedTest(name = "residual {0} -> price {1}")
    @CsvSource({"-0.5, <0", "-0.1, >0", "0.3, >0", "0.9, >100"})
    void theMeritOrderGoesNegativeOnlyWhenRenewablesFloodTheSystem(double residual, String expected) {
        double price = MeritOrder.priceEurPerMwh(residual, PriceModel.centralEurope());
        switch (expected) {
            case "<0" -> assertThat(price).isNegative();
            case ">0" -> assertThat(price).isPositive();
            default -> assertThat(price).isGreaterThan(100);
        }
    }

    @Test
    void theSameSeedGivesTheSamePricesAndAnotherSeedOtherPrices() {
        Instant week = LocalDate.of(2025, 5, 5).atStartOfDay(BERLIN).toInstant();
        SystemConditions conditions = SystemConditions.synthetic(CENTRAL_GERMANY, BERLIN, Set.of(), week,
                Duration.ofMinutes(15), 7 * 96, 3);
        TimeSeries a = PriceGenerator.dayAheadPricesEurPerMwh(conditions, PriceModel.centralEurope(), 3);
        assertThat(PriceGenerator.dayAheadPricesEurPerMwh(conditions, PriceModel.centralEurope(), 3)).isEqualTo(a);
        assertThat(PriceGenerator.dayAheadPricesEurPerMwh(conditions, PriceModel.centralEurope(), 4)).isNotEqualTo(a);
    }
}
