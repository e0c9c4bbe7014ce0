package org.vpp.api.graphql;

import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.vpp.messages.bid.AbortBiddingCycle;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.common.CommandRejection;
import org.vpp.messages.common.RejectionCode;
import org.vpp.sagas.bidding.BiddingMarket;

/**
 * Starting and cancelling bidding cycles by hand. Each mutation sends one command at the application clock's
 * instant and answers with the bid as the read model shows it afterwards, or the refusal naming the input field
 * (prefixed {@code input.}) with nothing changed. The rules are the Bid aggregate's; what is checked here is only
 * what the input says about this application (its zone, its clock).
 */
@Controller
public class BidMutationController {

    private static final String INPUT = "input.";

    private final CommandGateway commands;
    private final ReadYourWrites reads;
    private final BiddingMarket market;
    private final InstantSource clock;

    public BidMutationController(CommandGateway commands, ReadYourWrites reads, BiddingMarket market, InstantSource clock) {
        this.commands = commands;
        this.reads = reads;
        this.market = market;
        this.clock = clock;
    }

    public record StartBiddingCycleInput(String zone, LocalDate deliveryDay) {
    }

    public record CancelBiddingCycleInput(String id, String reason) {
    }

    @MutationMapping
    public BidPayload startBiddingCycle(@Argument StartBiddingCycleInput input) {
        if (input.zone() != null && !input.zone().equals(market.zone())) {
            return BidPayload.refused(null, new UserError(INPUT + "zone", RejectionCode.INVALID_VALUE,
                    "this application bids in " + market.zone() + " only, got " + input.zone()));
        }
        LocalDate day = input.deliveryDay();
        BidId id = market.bidId(day);
        Instant now = clock.instant();
        Instant gate = market.gateClosure(day);
        if (!now.isBefore(gate)) {
            return BidPayload.refused(reads.current(id).orElse(null), new UserError(INPUT + "deliveryDay",
                    RejectionCode.NOT_ALLOWED, "the gate for " + day + " closed at " + gate + " (now " + now
                    + "); the first day still open is " + market.firstOpenDay(now)));
        }
        LocalDate last = market.lastOpenDay(now);
        if (day.isAfter(last)) {
            return BidPayload.refused(reads.current(id).orElse(null), new UserError(INPUT + "deliveryDay",
                    RejectionCode.NOT_ALLOWED, "cycles open at most " + BiddingMarket.MAX_DAYS_AHEAD
                    + " days beyond the first open day " + market.firstOpenDay(now) + ": the last is " + last
                    + ", got " + day));
        }
        try {
            // Every field of the opening is derived from the delivery day, so the day is the input at fault.
            return send(id, () -> commands.sendAndWait(market.open(day, now)), field -> "deliveryDay");
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            // Two openings of one day raced past the aggregate's check; the event store's unique key kept one.
            return BidPayload.refused(reads.current(id).orElse(null), new UserError(INPUT + "deliveryDay",
                    RejectionCode.DUPLICATE, "the bidding cycle " + id + " already exists; one cycle per zone and day"));
        }
    }

    @MutationMapping
    public BidPayload cancelBiddingCycle(@Argument CancelBiddingCycleInput input) {
        Optional<UserError> badId = Ids.bidProblem(INPUT + "id", input.id());
        if (badId.isPresent()) return BidPayload.refused(null, badId.get());
        BidId id = BidId.of(input.id());
        if (reads.current(id).isEmpty()) {
            return BidPayload.refused(null, new UserError(INPUT + "id", RejectionCode.NOT_FOUND, "no bidding cycle " + id));
        }
        return send(id, () -> commands.sendAndWait(new AbortBiddingCycle(id, clock.instant(), input.reason())),
                field -> field.equals("reason") ? "reason" : "id");
    }

    private BidPayload send(BidId id, Supplier<Long> sendCommand, UnaryOperator<String> inputField) {
        try {
            long version = sendCommand.get();
            return BidPayload.after(reads.await(id, version));
        } catch (CommandExecutionException e) {
            Optional<CommandRejection> rejection = UserError.rejectionIn(e);
            if (rejection.isEmpty()) throw e;
            return BidPayload.refused(reads.current(id).orElse(null), UserError.from(rejection.get(), INPUT, inputField));
        }
    }
}
