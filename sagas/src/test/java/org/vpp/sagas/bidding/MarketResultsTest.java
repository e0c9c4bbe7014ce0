package org.vpp.sagas.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.ClearedSlot;
import org.vpp.messages.bid.RecordMarketResult;
import org.vpp.messages.common.CommandRejection;
import org.vpp.messages.common.RejectionCode;
import org.vpp.sagas.clock.ProcessDriver;
import org.vpp.sagas.port.MarketResult;
import org.vpp.sagas.support.RecordingCommandBus;
import org.vpp.sagas.support.SteppingClock;

/**
 * The market's answers reach the bids on the stepped application clock: not before the market has cleared, once
 * after, never again once acknowledged; a refusal by the bid is final, any other failure is tried again.
 */
class MarketResultsTest {

    static final Instant START = Instant.parse("2026-06-15T17:36:00Z");
    static final BidId BID = BidId.of("DE-LU:2026-06-17");
    static final BidId NEXT_DAY = BidId.of("DE-LU:2026-06-18");
    /** Gate closure for 17 June: noon CEST on the 16th; the market clears then. */
    static final Instant GATE = Instant.parse("2026-06-16T10:00:00Z");
    static final Instant DELIVERY = Instant.parse("2026-06-16T22:00:00Z");
    /** The first hour sold 2 MW at 61.50 EUR/MWh, the second cleared nothing at 12. */
    static final List<ClearedSlot> SLOTS = List.of(
            new ClearedSlot(DELIVERY, Megawatts.of(2), EurPerMwh.of(61.5)),
            new ClearedSlot(DELIVERY.plus(Duration.ofHours(1)), Megawatts.ZERO, EurPerMwh.of(12)));

    final SteppingClock clock = new SteppingClock(START);
    final RecordingMarket market = new RecordingMarket();
    ProcessDriver driver;

    @AfterEach
    void stop() {
        driver.stop(Duration.ofSeconds(5));
    }

    @Test
    void nothingIsRecordedBeforeTheMarketClearsAndTheAnswerOnceAfter() {
        market.publish(new MarketResult(BID, GATE, SLOTS));
        RecordingCommandBus bus = new RecordingCommandBus().accepting(RecordMarketResult.class);
        driver = driver(bus);

        driver.runDue().join();
        clock.step(Duration.between(START, GATE).minusMinutes(1));
        driver.runDue().join();
        assertThat(bus.sent(RecordMarketResult.class)).as("a minute before gate closure").isEmpty();

        Instant cleared = clock.step(Duration.ofMinutes(1));
        driver.runDue().join();
        assertThat(bus.sent(RecordMarketResult.class)).containsExactly(new RecordMarketResult(BID, cleared, SLOTS));
        assertThat(market.acknowledged).containsExactly(BID);

        clock.step(Duration.ofMinutes(1));
        driver.runDue().join();
        assertThat(bus.sent(RecordMarketResult.class)).as("acknowledged: not sent again").hasSize(1);
    }

    @Test
    void anAnswerTheBidRefusesIsAcknowledgedAndNotSentAgain() {
        market.publish(new MarketResult(BID, GATE, SLOTS));
        RecordingCommandBus bus = new RecordingCommandBus().answering(RecordMarketResult.class, command -> {
            throw new CommandExecutionException("refused", null, CommandRejection.of("bidId", RejectionCode.NOT_ALLOWED,
                    "cannot record a market result: the cycle DE-LU:2026-06-17 is ABORTED"));
        });
        driver = driver(bus);
        clock.step(Duration.between(START, GATE));

        driver.runDue().join();
        clock.step(Duration.ofMinutes(1));
        driver.runDue().join();

        assertThat(bus.sent(RecordMarketResult.class)).as("tried once").hasSize(1);
        assertThat(market.acknowledged).containsExactly(BID);
    }

    @Test
    void anAnswerThatCouldNotBeSentIsSentAgainAtTheNextPassWithoutHoldingUpTheOthers() {
        market.publish(new MarketResult(BID, GATE, SLOTS));
        market.publish(new MarketResult(NEXT_DAY, GATE, SLOTS));
        AtomicBoolean storeDown = new AtomicBoolean(true);
        RecordingCommandBus bus = new RecordingCommandBus().answering(RecordMarketResult.class, command -> {
            if (((RecordMarketResult) command).bidId().equals(BID) && storeDown.get()) {
                throw new IllegalStateException("the event store is unavailable");
            }
        });
        driver = driver(bus);
        Instant first = clock.step(Duration.between(START, GATE));

        driver.runDue().join();
        assertThat(market.acknowledged).as("the failed one stays with the market").containsExactly(NEXT_DAY);

        storeDown.set(false);
        Instant second = clock.step(Duration.ofMinutes(1));
        driver.runDue().join();

        assertThat(bus.sent(RecordMarketResult.class)).containsExactly(
                new RecordMarketResult(BID, first, SLOTS),
                new RecordMarketResult(NEXT_DAY, first, SLOTS),
                new RecordMarketResult(BID, second, SLOTS));
        assertThat(market.acknowledged).containsExactly(NEXT_DAY, BID);
    }

    private ProcessDriver driver(RecordingCommandBus bus) {
        return new ProcessDriver(clock, List.of(new MarketResults(market, bus.gateway())));
    }
}
