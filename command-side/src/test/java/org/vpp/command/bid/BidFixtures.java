package org.vpp.command.bid;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.BidDrafted;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.BidInputsFetched;
import org.vpp.messages.bid.BidSlot;
import org.vpp.messages.bid.BidSubmitted;
import org.vpp.messages.bid.BiddingCycleOpened;
import org.vpp.messages.bid.ClearedSlot;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.bid.DraftBid;
import org.vpp.messages.bid.ForecastReference;
import org.vpp.messages.bid.OpenBiddingCycle;
import org.vpp.messages.bid.PlannedSlot;
import org.vpp.messages.bid.RecordBidInputs;
import org.vpp.messages.bid.RecordMarketResult;
import org.vpp.messages.bid.RecordSchedule;
import org.vpp.messages.bid.SchedulePrepared;
import org.vpp.messages.bid.SlotFlexibility;
import org.vpp.messages.bid.SolverSettings;
import org.vpp.messages.bid.SubmitBid;
import org.vpp.messages.forecast.ForecastId;

/**
 * One day-ahead cycle for DE-LU, delivery Tuesday 16 June 2026 (CEST, so 22:00Z to 22:00Z), hourly slots, gate
 * closure at noon CEST the day before. The fleet can move 5 MW up and 3 MW down in every hour. The draft sells
 * 2 MW at 50 EUR/MWh in every hour except hour 3, where it buys 1.5 MW at up to 30 EUR/MWh.
 */
final class BidFixtures {

    static final BidId ID = BidId.of("DE-LU:2026-06-16");
    static final Duration HOUR = Duration.ofHours(1);
    static final Instant DELIVERY_START = Instant.parse("2026-06-15T22:00:00Z");
    static final Instant DELIVERY_END = Instant.parse("2026-06-16T22:00:00Z");
    static final int SLOTS = 24;
    static final Instant GATE = Instant.parse("2026-06-15T10:00:00Z");
    static final Instant OPENED_AT = Instant.parse("2026-06-15T08:00:00Z");
    static final Instant FETCHED_AT = Instant.parse("2026-06-15T08:05:00Z");
    static final Instant PREPARED_AT = Instant.parse("2026-06-15T08:20:00Z");
    static final Instant DRAFTED_AT = Instant.parse("2026-06-15T08:30:00Z");
    static final Instant SENT_AT = Instant.parse("2026-06-15T08:40:00Z");
    static final Instant CLEARED_AT = Instant.parse("2026-06-15T10:45:00Z");
    static final Instant CLOSED_AT = Instant.parse("2026-06-15T11:00:00Z");

    static final String HASH_A = "a".repeat(64);
    static final String HASH_B = "b".repeat(64);
    static final String HASH_C = "c".repeat(64);
    static final ContentReference SNAPSHOT = ContentReference.of("fleet-snapshot/DE-LU/2026-06-15T08:05:00Z", HASH_A);
    static final ContentReference DEVICE_FORECASTS = ContentReference.of("device-forecasts/DE-LU/2026-06-15T08:05:00Z", HASH_B);
    static final ContentReference SCHEDULE = ContentReference.of("schedule/DE-LU:2026-06-16", HASH_C);
    static final ForecastReference PRICE_FORECAST = new ForecastReference(
            new ForecastId("price:DE-LU@2026-06-15T08:00:00Z"), "holt-winters", HASH_A, false);
    static final SolverSettings SOLVER = new SolverSettings("timefold", Duration.ofSeconds(30), 42, Map.of("moveThreadCount", "1"));
    static final String RULE = "forecast-with-uncertainty-margin(k=0.5, marginalCost=8.0, energyValue=90.0)";
    static final int BUY_HOUR = 3;

    private BidFixtures() {
    }

    static Instant slot(int i) {
        return DELIVERY_START.plus(HOUR.multipliedBy(i));
    }

    static <T> List<T> perSlot(IntFunction<T> entry) {
        List<T> list = new ArrayList<>();
        for (int i = 0; i < SLOTS; i++) list.add(entry.apply(i));
        return list;
    }

    static OpenBiddingCycle open() {
        return new OpenBiddingCycle(ID, OPENED_AT, DELIVERY_START, DELIVERY_END, HOUR, GATE);
    }

    static BiddingCycleOpened opened() {
        return new BiddingCycleOpened(ID, OPENED_AT, DELIVERY_START, DELIVERY_END, HOUR, GATE);
    }

    static List<SlotFlexibility> flexibility() {
        return perSlot(i -> new SlotFlexibility(slot(i), Megawatts.of(5), Megawatts.of(3)));
    }

    static RecordBidInputs inputs() {
        return inputs(flexibility());
    }

    static RecordBidInputs inputs(List<SlotFlexibility> flexibility) {
        return new RecordBidInputs(ID, FETCHED_AT, SNAPSHOT, 1_000, PRICE_FORECAST, DEVICE_FORECASTS, flexibility);
    }

    static BidInputsFetched inputsFetched() {
        return new BidInputsFetched(ID, FETCHED_AT, SNAPSHOT, 1_000, PRICE_FORECAST, DEVICE_FORECASTS, flexibility());
    }

    static List<PlannedSlot> plan() {
        return perSlot(i -> new PlannedSlot(slot(i), Megawatts.of(i == BUY_HOUR ? -1.5 : 2)));
    }

    static RecordSchedule schedule() {
        return new RecordSchedule(ID, PREPARED_AT, SCHEDULE, plan(), "0hard/-12soft", 1_840.5, 0.012, SOLVER);
    }

    static SchedulePrepared schedulePrepared() {
        return new SchedulePrepared(ID, PREPARED_AT, SCHEDULE, plan(), "0hard/-12soft", 1_840.5, 0.012, SOLVER);
    }

    static List<BidSlot> bidSlots() {
        return perSlot(i -> i == BUY_HOUR
                ? new BidSlot(slot(i), Megawatts.of(-1.5), EurPerMwh.of(30))
                : new BidSlot(slot(i), Megawatts.of(2), EurPerMwh.of(50)));
    }

    /** The draft with one hour's quantity replaced. */
    static List<BidSlot> bidSlotsWith(int hour, double mw) {
        List<BidSlot> slots = new ArrayList<>(bidSlots());
        slots.set(hour, new BidSlot(slot(hour), Megawatts.of(mw), EurPerMwh.of(50)));
        return slots;
    }

    static DraftBid draft() {
        return draft(bidSlots());
    }

    static DraftBid draft(List<BidSlot> slots) {
        return new DraftBid(ID, DRAFTED_AT, slots, RULE);
    }

    static BidDrafted drafted() {
        return new BidDrafted(ID, DRAFTED_AT, bidSlots(), RULE);
    }

    static SubmitBid submit(Instant sentAt) {
        return new SubmitBid(ID, sentAt);
    }

    static BidSubmitted submitted() {
        return new BidSubmitted(ID, SENT_AT, bidSlots());
    }

    /** Every hour cleared at its offer, at 61 EUR/MWh (and 25 in the buying hour). */
    static List<ClearedSlot> clearedInFull() {
        return perSlot(i -> new ClearedSlot(slot(i), bidSlots().get(i).quantity(), EurPerMwh.of(i == BUY_HOUR ? 25 : 61)));
    }

    /** Nothing cleared: prices stayed below the sell limit and above the buy limit. */
    static List<ClearedSlot> clearedNothing() {
        return perSlot(i -> new ClearedSlot(slot(i), Megawatts.ZERO, EurPerMwh.of(i == BUY_HOUR ? 35 : 45)));
    }

    /** Everything in full except hour 10, where only 0.5 of the 2 MW cleared (the marginal order, at its limit). */
    static List<ClearedSlot> clearedPartly() {
        List<ClearedSlot> slots = new ArrayList<>(clearedInFull());
        slots.set(10, new ClearedSlot(slot(10), Megawatts.of(0.5), EurPerMwh.of(50)));
        return slots;
    }

    static RecordMarketResult result(List<ClearedSlot> slots) {
        return new RecordMarketResult(ID, CLEARED_AT, slots);
    }

    /** The events of a cycle submitted on time. */
    static Object[] untilSubmitted() {
        return new Object[] {opened(), inputsFetched(), schedulePrepared(), drafted(), submitted()};
    }
}
