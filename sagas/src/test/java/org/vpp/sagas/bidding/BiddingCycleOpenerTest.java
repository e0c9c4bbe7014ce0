package org.vpp.sagas.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.Test;
import org.vpp.kernel.MarketRules;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.OpenBiddingCycle;
import org.vpp.messages.common.CommandRejection;
import org.vpp.messages.common.RejectionCode;

/** The daily opening on a stepped clock: when, once, not too late, and a day that already has its cycle. */
class BiddingCycleOpenerTest {

    static final BiddingMarket MARKET = new BiddingMarket("DE-LU",
            MarketRules.dayAhead(ZoneId.of("Europe/Berlin"), Duration.ofMinutes(15)));
    /** Gate closure of 2026-06-17 is 12:00 Berlin (CEST) on 06-16, 10:00Z. */
    static final Instant GATE = Instant.parse("2026-06-16T10:00:00Z");

    final List<OpenBiddingCycle> sent = new CopyOnWriteArrayList<>();
    final AtomicReference<RuntimeException> answer = new AtomicReference<>();
    final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    final CommandGateway gateway = DefaultCommandGateway.builder().commandBus(bus).build();
    final BiddingCycleOpener opener = new BiddingCycleOpener(MARKET, Duration.ofHours(2), Duration.ofMinutes(50), gateway);

    BiddingCycleOpenerTest() {
        bus.subscribe(OpenBiddingCycle.class.getName(), message -> {
            sent.add((OpenBiddingCycle) message.getPayload());
            RuntimeException e = answer.get();
            if (e != null) throw e;
            return 1L;
        });
    }

    @Test
    void opensTheNextDayOnceAtGateClosureMinusTheLeadTime() {
        opener.runDue(GATE.minus(Duration.ofHours(2)).minusSeconds(1));
        assertThat(sent).as("one second before the lead time").isEmpty();

        Instant at = GATE.minus(Duration.ofHours(2));
        opener.runDue(at);
        assertThat(sent).containsExactly(MARKET.open(LocalDate.of(2026, 6, 17), at));
        assertThat(sent.getFirst().bidId()).isEqualTo(BidId.of("DE-LU:2026-06-17"));
        assertThat(sent.getFirst().gateClosure()).isEqualTo(GATE);

        opener.runDue(at.plus(Duration.ofMinutes(10)));
        assertThat(sent).as("opened already").hasSize(1);

        Instant nextDay = GATE.plus(Duration.ofDays(1)).minus(Duration.ofHours(1));
        opener.runDue(nextDay);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).bidId()).isEqualTo(BidId.of("DE-LU:2026-06-18"));
    }

    @Test
    void opensNothingWhenTooLittleTimeIsLeftBeforeGateClosure() {
        opener.runDue(GATE.minus(Duration.ofMinutes(50)));
        opener.runDue(GATE.minus(Duration.ofMinutes(10)));
        assertThat(sent).isEmpty();
    }

    @Test
    void aDayThatHasItsCycleAlreadyIsDoneAndAFailureIsTriedAgain() {
        Instant at = GATE.minus(Duration.ofMinutes(90));
        answer.set(new CommandExecutionException("store unavailable", new IllegalStateException("down")));
        opener.runDue(at);
        assertThat(sent).hasSize(1);

        answer.set(new CommandExecutionException("exists", null,
                CommandRejection.of("bidId", RejectionCode.DUPLICATE, "the bidding cycle exists")));
        opener.runDue(at.plusSeconds(60));
        assertThat(sent).as("tried again after the failure").hasSize(2);

        opener.runDue(at.plusSeconds(120));
        assertThat(sent).as("DUPLICATE: the day has its cycle").hasSize(2);
    }
}
