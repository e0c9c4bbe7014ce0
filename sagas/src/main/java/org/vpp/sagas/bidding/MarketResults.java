package org.vpp.sagas.bidding;

import java.time.Instant;
import java.util.Optional;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vpp.messages.bid.RecordMarketResult;
import org.vpp.messages.common.CommandRejection;
import org.vpp.sagas.clock.ClockProcess;
import org.vpp.sagas.port.Market;
import org.vpp.sagas.port.MarketResult;

/**
 * Brings the market's answers to the bids: every pass it asks the {@link Market} for the answers published by the
 * application clock's instant, records each on its bid ({@link RecordMarketResult}, received at that instant) and
 * acknowledges it to the market.
 * <p>
 * An answer the bid refuses (a {@link CommandRejection}: it already has its result, the cycle was aborted or closed,
 * the answer does not fit the bid) can never be recorded as it is, so it is acknowledged too, and logged. Any other
 * failure (no handler yet, a bus or store that is down) leaves the answer with the market, to be sent again at the
 * next pass.
 */
public class MarketResults implements ClockProcess {

    private static final Logger log = LoggerFactory.getLogger(MarketResults.class);

    private final Market market;
    private final CommandGateway commands;
    private volatile boolean accepting = true;

    public MarketResults(Market market, CommandGateway commands) {
        this.market = market;
        this.commands = commands;
    }

    @Override
    public String name() {
        return "market-results";
    }

    @Override
    public void runDue(Instant now) {
        for (MarketResult result : market.resultsDue(now)) {
            if (!accepting) return;
            deliver(result, now);
        }
    }

    @Override
    public void stopAccepting() {
        accepting = false;
    }

    /** Records one answer on its bid, received at {@code now}, and acknowledges it unless it is to be sent again. */
    private void deliver(MarketResult result, Instant now) {
        try {
            commands.sendAndWait(new RecordMarketResult(result.bidId(), now, result.slots()));
            log.info("Market results: the answer to {} is recorded", result.bidId());
        } catch (RuntimeException e) {
            Optional<CommandRejection> refusal = refusal(e);
            if (refusal.isEmpty()) {
                log.warn("Market results: the answer to {} could not be recorded; sending it again at the next pass",
                        result.bidId(), e);
                return;
            }
            log.warn("Market results: the bid {} refused the market's answer ({}); acknowledged, not sent again",
                    result.bidId(), refusal.get());
        }
        market.acknowledge(result.bidId());
    }

    /** The bid's own "no": a rejection carried by the command's failure; anything else is not the bid's answer. */
    private static Optional<CommandRejection> refusal(RuntimeException e) {
        return e instanceof CommandExecutionException failure
                ? failure.getDetails().filter(CommandRejection.class::isInstance).map(CommandRejection.class::cast)
                : Optional.empty();
    }
}
