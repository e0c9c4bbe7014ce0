package org.vpp.sagas.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vpp.sagas.bidding.BiddingMarket;
import org.vpp.sagas.clock.ClockProcess;
import org.vpp.sagas.port.AlertFacts;

/**
 * The built-in alerts, as a process on the application clock: every {@code checkEvery} it looks at the fleet, the
 * bidding, the dispatches and the processors ({@link AlertFacts}), works out which conditions hold
 * ({@link AlertRules}) and raises or clears alerts so that the raised ones are exactly those. The Alert aggregate
 * makes a repeated raise or clear change nothing, so a pass after a restart, or one that saw a read model lag, never
 * doubles an alert.
 */
public final class AlertWatch implements ClockProcess {

    private static final Logger log = LoggerFactory.getLogger(AlertWatch.class);

    private final AlertFacts facts;
    private final List<BiddingMarket> markets;
    private final CommandGateway commands;
    private final AlertSettings settings;
    private volatile Instant lastCheck;
    private volatile Instant watchingSince;

    public AlertWatch(AlertFacts facts, List<BiddingMarket> markets, CommandGateway commands, AlertSettings settings) {
        this.facts = facts;
        this.markets = List.copyOf(markets);
        this.commands = commands;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "alert-watch";
    }

    @Override
    public void runDue(Instant now) {
        if (lastCheck != null && now.isBefore(lastCheck.plus(settings.checkEvery()))) return;
        lastCheck = now;
        check(now);
    }

    /** Looks at every condition now; returns the commands sent. */
    public List<Object> check(Instant now) {
        if (watchingSince == null) watchingSince = now;
        List<AlertRules.Gate> gates = new ArrayList<>();
        for (BiddingMarket market : markets) {
            var day = market.firstOpenDay(now).minusDays(1);
            // Judged only from when the zone was bidding or this watch ran, whichever came first.
            Instant since = facts.biddingSince(market.zone()).filter(watchingSince::isAfter).orElse(watchingSince);
            gates.add(new AlertRules.Gate(market.zone(), day, market.gateClosure(day),
                    facts.cycle(market.bidId(day)).orElse(null), since));
        }
        var seen = new AlertRules.Observed(now, facts.faultedAssets(), facts.siteTelemetry(now.minus(settings.silentAfter())),
                gates, facts.latestDeviations(), facts.processorLags(), facts.latestGaps());
        List<Object> toSend = AlertRules.reconcile(AlertRules.conditions(seen, settings), facts.activeAlerts(), now);
        for (Object command : toSend) {
            try {
                // The Alert answers whether it changed: a pass that saw the alerts' read model lag (after a restart)
                // repeats a raise or clear that is already done, which is not news.
                if (Boolean.FALSE.equals(commands.sendAndWait(command))) log.debug("Alert: {} (already so)", command);
                else log.info("Alert: {}", command);
            } catch (RuntimeException e) {
                log.warn("Alert watch: {} failed; the next pass tries again: {}", command, e.getMessage());
            }
        }
        return toSend;
    }
}
