package org.vpp.simulator.market;

import org.vpp.kernel.MarketRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.MegawattHours;
import org.vpp.kernel.Megawatts;
import org.vpp.kernel.TimeSeries;
import org.vpp.simulator.clock.SteppedClock;

class SimulatedDayAheadMarketTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate DELIVERY = LocalDate.of(2025, 6, 2);
    private static final MarketRules RULES = MarketRules.dayAhead(BERLIN, Duration.ofMinutes(15));
    private static final Instant BEFORE_GATE = LocalDate.of(2025, 6, 1).atTime(9, 0).atZone(BERLIN).toInstant();
    // Every slot of the delivery day clears at 50 EUR/MWh, except slot 1 at 120.
    private static final double CLEARING = 50;

    private SteppedClock clock;
    private SimulatedDayAheadMarket market;

    private void openMarket() {
        clock = new SteppedClock(BEFORE_GATE, BERLIN);
        Instant seriesStart = RULES.deliveryStart(DELIVERY.minusDays(1));
        double[] prices = new double[3 * 96];
        java.util.Arrays.fill(prices, CLEARING);
        prices[96 + 1] = 120;
        market = new SimulatedDayAheadMarket(clock, RULES,
                new TimeSeries(seriesStart, Duration.ofMinutes(15), prices), 7);
    }

    private BidResult clearOne(SlotBid slotBid) {
        openMarket();
        Bid bid = new Bid("bid-1", "vpp", DELIVERY, List.of(slotBid));
        assertThat(market.submit(bid).isReceived()).isTrue();
        clock.advanceTo(RULES.gateClosure(DELIVERY));
        assertThat(market.clear(DELIVERY).status()).isEqualTo(ClearingReport.ClearingStatus.CLEARED);
        return market.result("bid-1").orElseThrow();
    }

    static Stream<Arguments> singleStepBids() {
        return Stream.of(
                // name, quantity MW, limit EUR/MWh, expected accepted MW, expected status
                Arguments.of("sell in the money", 5.0, 30.0, 5.0, AwardStatus.ACCEPTED),
                Arguments.of("sell at the clearing price", 5.0, 50.0, 5.0, AwardStatus.ACCEPTED),
                Arguments.of("sell out of the money", 5.0, 50.01, 0.0, AwardStatus.REJECTED),
                Arguments.of("buy in the money", -3.0, 80.0, -3.0, AwardStatus.ACCEPTED),
                Arguments.of("buy at the clearing price", -3.0, 50.0, -3.0, AwardStatus.ACCEPTED),
                Arguments.of("buy out of the money", -3.0, 49.99, 0.0, AwardStatus.REJECTED),
                Arguments.of("sell at a negative limit", 2.0, -20.0, 2.0, AwardStatus.ACCEPTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleStepBids")
    void aSingleStepIsAcceptedWholeWhenInTheMoneyAndRejectedOtherwise(String name, double quantityMw, double limit,
            double expectedAcceptedMw, AwardStatus expectedStatus) {
        BidResult result = clearOne(SlotBid.of(10, new BidStep(Megawatts.of(quantityMw), EurPerMwh.of(limit))));
        SlotAward award = result.awards().getFirst();
        assertThat(award.clearingPrice()).isEqualTo(EurPerMwh.of(CLEARING));
        assertThat(award.accepted()).isEqualTo(Megawatts.of(expectedAcceptedMw));
        assertThat(result.status()).isEqualTo(expectedStatus);
        // Pay-as-cleared: 15 minutes at the clearing price whatever the limit.
        assertThat(result.revenueEur()).isCloseTo(expectedAcceptedMw * CLEARING * 0.25, within(1e-9));
    }

    @ParameterizedTest(name = "a curve of sells at 20/50/80 and a buy at 40 accepts {0} MW")
    @CsvSource({"6, PARTIALLY_ACCEPTED"})
    void aSteppedCurveIsPartlyAccepted(double expectedAcceptedMw, AwardStatus expectedStatus) {
        BidResult result = clearOne(SlotBid.of(20,
                new BidStep(Megawatts.of(2), EurPerMwh.of(20)), new BidStep(Megawatts.of(4), EurPerMwh.of(50)),
                new BidStep(Megawatts.of(8), EurPerMwh.of(80)), new BidStep(Megawatts.of(-1), EurPerMwh.of(40))));
        SlotAward award = result.awards().getFirst();
        assertThat(award.accepted()).isEqualTo(Megawatts.of(expectedAcceptedMw));
        assertThat(award.acceptedSteps()).isEqualTo(2);
        assertThat(award.offered()).isEqualTo(Megawatts.of(13));
        assertThat(result.status()).isEqualTo(expectedStatus);
    }

    @Test
    void eachSlotClearsAtItsOwnPrice() {
        BidResult result = clearOne(SlotBid.of(1, new BidStep(Megawatts.of(1), EurPerMwh.of(100))));
        assertThat(result.awards().getFirst().clearingPrice()).isEqualTo(EurPerMwh.of(120));
        assertThat(result.status()).isEqualTo(AwardStatus.ACCEPTED);
    }

    static Stream<Arguments> submissionTimes() {
        Instant gate = RULES.gateClosure(DELIVERY);
        return Stream.of(
                Arguments.of(gate.minusSeconds(1), SubmissionStatus.RECEIVED),
                Arguments.of(gate, SubmissionStatus.REFUSED_AFTER_GATE_CLOSURE),
                Arguments.of(gate.plus(Duration.ofHours(3)), SubmissionStatus.REFUSED_AFTER_GATE_CLOSURE));
    }

    @ParameterizedTest(name = "submitted at {0}: {1}")
    @MethodSource("submissionTimes")
    void aBidAfterGateClosureIsRefusedWithAReason(Instant submittedAt, SubmissionStatus expected) {
        openMarket();
        clock.advanceTo(submittedAt);
        BidReceipt receipt = market.submit(new Bid("late", "vpp", DELIVERY, List.of(SlotBid.of(0, new BidStep(Megawatts.of(1), EurPerMwh.of(0))))));
        assertThat(receipt.status()).isEqualTo(expected);
        if (expected != SubmissionStatus.RECEIVED) {
            assertThat(receipt.reason()).contains("gate closure for 2025-06-02 was at 2025-06-01T10:00:00Z");
        }
    }

    @Test
    void gateClosureIsNoonLocalTimeTheDayBefore() {
        assertThat(RULES.gateClosure(DELIVERY)).isEqualTo(Instant.parse("2025-06-01T10:00:00Z"));
        assertThat(RULES.slotStarts(DELIVERY)).hasSize(96);
        assertThat(RULES.slotStarts(LocalDate.of(2025, 3, 30))).hasSize(92);
        assertThat(RULES.slotStarts(LocalDate.of(2025, 10, 26))).hasSize(100);
    }

    @Test
    void resultsArePublishedOnlyAfterClearingAndSettlementOnlyAfterDelivery() {
        openMarket();
        market.submit(new Bid("b", "vpp", DELIVERY, List.of(SlotBid.of(0, new BidStep(Megawatts.of(1), EurPerMwh.of(0))))));
        assertThat(market.clear(DELIVERY).status()).isEqualTo(ClearingReport.ClearingStatus.GATE_STILL_OPEN);
        assertThat(market.result("b")).isEmpty();
        assertThat(market.clearingPrices(DELIVERY)).isEmpty();

        clock.advanceTo(RULES.gateClosure(DELIVERY).plusSeconds(60));
        assertThat(market.clearDueDays()).extracting(ClearingReport::status)
                .containsExactly(ClearingReport.ClearingStatus.CLEARED);
        assertThat(market.result("b")).isPresent();
        assertThat(market.clearingPrices(DELIVERY)).isPresent();
        assertThat(market.settlementPrices(DELIVERY)).isEmpty();
        assertThat(market.clear(DELIVERY).status()).isEqualTo(ClearingReport.ClearingStatus.ALREADY_CLEARED);

        clock.advanceTo(RULES.deliveryEnd(DELIVERY));
        assertThat(market.settlementPrices(DELIVERY)).hasValueSatisfying(s -> assertThat(s.size()).isEqualTo(96));
    }

    @Test
    void imbalancePricesPenaliseDeviationsWithTheSystemAndAreReproducible() {
        openMarket();
        clock.advanceTo(RULES.deliveryEnd(DELIVERY));
        market.clear(DELIVERY);
        List<ImbalancePrice> first = RULES.slotStarts(DELIVERY).stream().map(s -> market.imbalancePrice(s).orElseThrow()).toList();
        openMarket();
        clock.advanceTo(RULES.deliveryEnd(DELIVERY));
        market.clear(DELIVERY);
        List<ImbalancePrice> again = RULES.slotStarts(DELIVERY).stream().map(s -> market.imbalancePrice(s).orElseThrow()).toList();

        assertThat(again).as("the same seed gives the same imbalance prices").isEqualTo(first);
        int shortSlots = 0;
        for (ImbalancePrice price : first) {
            // Slot 1 clears at 120, every other at 50 (set above); the spread is at least its 8 EUR/MWh base.
            double clearing = price.slotStart().equals(RULES.slotStarts(DELIVERY).get(1)) ? 120 : CLEARING;
            assertThat(price.clearingPrice()).isEqualTo(EurPerMwh.of(clearing));
            if (price.direction() == SystemDirection.SHORT) {
                shortSlots++;
                assertThat(price.price().value()).isGreaterThanOrEqualTo(clearing + 8);
            } else {
                assertThat(price.price().value()).isLessThanOrEqualTo(clearing - 8);
            }
        }
        // A fair coin per slot: 96 slots fall outside [20, 76] short ones with probability below 1e-8.
        assertThat(shortSlots).isBetween(20, 76);
    }

    @Test
    void aDeviationSettlesAtTheImbalancePrice() {
        var shortSystem = new ImbalancePrice(BEFORE_GATE, SystemDirection.SHORT, EurPerMwh.of(50), EurPerMwh.of(80));
        // 0.25 MWh short of the commitment in a short system: pays 0.25 MWh x 80 EUR/MWh = 20 EUR.
        assertThat(shortSystem.settlementEur(MegawattHours.of(-0.25))).isEqualTo(-20.0);
        // 0.5 MWh in excess: earns 0.5 MWh x 80 EUR/MWh = 40 EUR.
        assertThat(shortSystem.settlementEur(MegawattHours.of(0.5))).isEqualTo(40.0);
    }

    @Test
    void invalidAndDuplicateBidsAreRefusedAsResults() {
        openMarket();
        Bid bid = new Bid("dup", "vpp", DELIVERY, List.of(SlotBid.of(0, new BidStep(Megawatts.of(1), EurPerMwh.of(0)))));
        assertThat(market.submit(bid).status()).isEqualTo(SubmissionStatus.RECEIVED);
        assertThat(market.submit(bid).status()).isEqualTo(SubmissionStatus.REFUSED_DUPLICATE_BID_ID);
        BidReceipt outOfDay = market.submit(new Bid("x", "vpp", DELIVERY, List.of(SlotBid.of(96, new BidStep(Megawatts.of(1), EurPerMwh.of(0))))));
        assertThat(outOfDay.status()).isEqualTo(SubmissionStatus.REFUSED_INVALID);
        assertThat(outOfDay.reason()).contains("slot 96 does not exist");
    }

    @Test
    void pricesArePublishedAfterEachGateClosureEvenWithoutBids() {
        openMarket();
        assertThat(market.clearDueDays()).isEmpty();
        clock.advanceTo(RULES.gateClosure(DELIVERY).plusSeconds(1));
        assertThat(market.clearDueDays()).extracting(ClearingReport::deliveryDay, ClearingReport::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DELIVERY, ClearingReport.ClearingStatus.CLEARED));
        assertThat(market.clearingPrices(DELIVERY)).hasValueSatisfying(p -> assertThat(p.size()).isEqualTo(96));
        assertThat(market.clearDueDays()).as("nothing is cleared twice").isEmpty();
    }
}
