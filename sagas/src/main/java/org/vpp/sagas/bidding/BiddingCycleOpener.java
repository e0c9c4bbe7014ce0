package org.vpp.sagas.bidding;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vpp.messages.common.CommandRejection;
import org.vpp.messages.common.RejectionCode;
import org.vpp.sagas.clock.ClockProcess;

/**
 * Opens each delivery day's bidding cycle on the application clock, {@code leadTime} before its gate closure. A
 * cycle opened later than {@code latestOpening} before gate closure could not finish its steps in time, so none is
 * opened then (a missed day is logged, and an operator may still start it by hand). A day that already has its cycle
 * (opened by hand, or before a restart) is the aggregate's {@code DUPLICATE} refusal, taken as done.
 */
public final class BiddingCycleOpener implements ClockProcess {

    private static final Logger log = LoggerFactory.getLogger(BiddingCycleOpener.class);

    private final BiddingMarket market;
    private final Duration leadTime;
    private final Duration latestOpening;
    private final CommandGateway commands;
    private volatile LocalDate settled;

    /**
     * @param leadTime      how long before gate closure a cycle opens
     * @param latestOpening the least time before gate closure a cycle still needs (safety margin and first step)
     */
    public BiddingCycleOpener(BiddingMarket market, Duration leadTime, Duration latestOpening, CommandGateway commands) {
        this.market = Objects.requireNonNull(market, "market");
        this.leadTime = Objects.requireNonNull(leadTime, "leadTime");
        this.latestOpening = Objects.requireNonNull(latestOpening, "latestOpening");
        this.commands = Objects.requireNonNull(commands, "commands");
        if (leadTime.compareTo(latestOpening) <= 0) {
            throw new IllegalArgumentException("lead time " + leadTime + " must exceed the latest opening " + latestOpening);
        }
    }

    @Override
    public String name() {
        return "bidding-cycle-opener";
    }

    @Override
    public void runDue(Instant now) {
        LocalDate day = market.firstOpenDay(now);
        if (day.equals(settled)) return;
        Instant gate = market.gateClosure(day);
        if (now.isBefore(gate.minus(leadTime))) return;
        if (!now.isBefore(gate.minus(latestOpening))) {
            log.warn("Bidding cycle for {} not opened: at {} it is less than {} before gate closure {}",
                    market.bidId(day), now, latestOpening, gate);
            settled = day;
            return;
        }
        try {
            commands.sendAndWait(market.open(day, now));
            log.info("Bidding cycle {} opened at {} (gate closure {})", market.bidId(day), now, gate);
            settled = day;
        } catch (CommandExecutionException e) {
            boolean exists = e.getDetails().filter(CommandRejection.class::isInstance).map(CommandRejection.class::cast)
                    .filter(r -> r.code() == RejectionCode.DUPLICATE).isPresent();
            if (exists) {
                settled = day;
            } else {
                log.warn("Bidding cycle {} could not be opened; trying again on the next pass: {}", market.bidId(day),
                        e.getMessage());
            }
        }
    }
}
