package org.vpp.sagas.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.vpp.messages.alert.AlertId;
import org.vpp.messages.alert.AlertKind;
import org.vpp.messages.alert.ClearAlert;
import org.vpp.messages.alert.RaiseAlert;
import org.vpp.messages.bid.BidStatus;
import org.vpp.sagas.port.AlertFacts;

/**
 * Which alert conditions hold, from what the watch saw, and what to send so that the raised alerts are exactly those:
 * a raise for each condition not yet raised, a clear for each raised alert whose condition is gone. Pure.
 */
public final class AlertRules {

    /** Statuses a cycle has once its bid went to the market. */
    private static final Set<BidStatus> SUBMITTED = Set.of(BidStatus.SUBMITTED, BidStatus.ACCEPTED,
            BidStatus.PARTIALLY_ACCEPTED, BidStatus.REJECTED, BidStatus.CLOSED);

    private AlertRules() {
    }

    /** A condition that holds now: the alert it raises and what it says. */
    public record Condition(AlertId id, String message, Double value, Double threshold) {
    }

    /**
     * The latest passed gate closure of a zone, and the cycle for its day (null when none was opened).
     *
     * @param judgedSince gate closures at or before this instant are not judged (before the VPP was bidding or watching)
     */
    public record Gate(String zone, LocalDate day, Instant gateClosure, AlertFacts.CycleOutcome cycle, Instant judgedSince) {
    }

    /** What the watch saw at {@code now}. */
    public record Observed(Instant now, List<AlertFacts.FaultedAsset> faulted, List<AlertFacts.SiteTelemetry> sites,
                           List<Gate> gates, List<AlertFacts.SlotDeviation> deviations, Map<String, Long> lags,
                           List<AlertFacts.ScheduleGap> gaps) {
    }

    public static List<Condition> conditions(Observed seen, AlertSettings settings) {
        Map<AlertId, Condition> out = new LinkedHashMap<>();
        for (AlertFacts.FaultedAsset a : seen.faulted()) {
            add(out, AlertKind.ASSET_FAULT, a.assetId(), "asset " + a.assetId() + " (" + a.name() + ") is in FAULT"
                    + (a.reason() == null || a.reason().isBlank() ? "" : ": " + a.reason()), null, null);
        }
        for (AlertFacts.SiteTelemetry s : seen.sites()) {
            if (s.expected() > 0 && s.reporting() == 0) {
                add(out, AlertKind.SITE_SILENT, s.siteId(), "site " + s.siteId() + " (" + s.name() + "): none of its "
                        + s.expected() + " devices reported within " + words(settings.silentAfter())
                        + (s.lastReadingAt() == null ? "; none ever reported" : "; the last reading was measured at " + s.lastReadingAt()),
                        null, null);
            }
        }
        for (Gate g : seen.gates()) {
            boolean judged = g.judgedSince() != null && g.gateClosure().isAfter(g.judgedSince()) && !seen.now().isBefore(g.gateClosure());
            boolean submitted = g.cycle() != null && (g.cycle().submittedAt() != null || SUBMITTED.contains(g.cycle().status()));
            if (judged && !submitted) {
                String why = g.cycle() == null ? "no bidding cycle was opened"
                        : g.cycle().status() == BidStatus.ABORTED ? "its cycle was aborted: " + g.cycle().abortReason()
                        : "its cycle was still " + g.cycle().status();
                add(out, AlertKind.GATE_CLOSURE_MISSED, g.zone(), "zone " + g.zone() + ": the gate closure of "
                        + g.gateClosure() + " for delivery day " + g.day() + " passed without a bid; " + why, null, null);
            }
        }
        for (AlertFacts.SlotDeviation d : seen.deviations()) {
            double limit = Math.max(settings.deviationMinMw(), settings.deviationShare() * Math.abs(d.targetMw()));
            if (Math.abs(d.deviationMw()) > limit) {
                add(out, AlertKind.DISPATCH_DEVIATION, d.dispatchId(), String.format(Locale.ROOT,
                        "dispatch %s: the slot from %s delivered %.3f MW against a target of %.3f MW (deviation %.3f MW, limit %.3f MW)",
                        d.dispatchId(), d.slotStart(), d.deliveredMw(), d.targetMw(), d.deviationMw(), limit),
                        Math.abs(d.deviationMw()), limit);
            }
        }
        for (Map.Entry<String, Long> lag : new TreeMap<>(seen.lags()).entrySet()) {
            if (lag.getValue() > settings.maxProcessorLag()) {
                add(out, AlertKind.PROCESSOR_LAG, lag.getKey(), "event processor " + lag.getKey() + " lags " + lag.getValue()
                        + " events behind the event store (limit " + settings.maxProcessorLag() + ")",
                        (double) lag.getValue(), (double) settings.maxProcessorLag());
            }
        }
        for (AlertFacts.ScheduleGap g : seen.gaps()) {
            if (g.gap() > settings.maxGap()) {
                add(out, AlertKind.OPTIMIZER_GAP, g.zone(), String.format(Locale.ROOT,
                        "zone %s: the schedule of %s prepared at %s is %.2f %% from the optimizer's bound (limit %.2f %%)",
                        g.zone(), g.bidId(), g.preparedAt(), 100 * g.gap(), 100 * settings.maxGap()), g.gap(), settings.maxGap());
            }
        }
        return List.copyOf(out.values());
    }

    /** Raises for conditions not raised yet, then clears for raised alerts whose condition ended, in id order. */
    public static List<Object> reconcile(List<Condition> conditions, List<AlertId> active, Instant now) {
        Set<AlertId> raised = Set.copyOf(active);
        List<Object> commands = new ArrayList<>();
        Set<AlertId> holding = new java.util.HashSet<>();
        for (Condition c : conditions) {
            holding.add(c.id());
            if (!raised.contains(c.id())) commands.add(new RaiseAlert(c.id(), now, c.message(), c.value(), c.threshold()));
        }
        active.stream().sorted().filter(id -> !holding.contains(id))
                .forEach(id -> commands.add(new ClearAlert(id, now, ended(id))));
        return commands;
    }

    private static String ended(AlertId id) {
        String s = id.subject();
        return switch (id.kind()) {
            case ASSET_FAULT -> "asset " + s + " is no longer in FAULT";
            case SITE_SILENT -> "site " + s + " reports again (or has no device expected to)";
            case GATE_CLOSURE_MISSED -> "zone " + s + ": the latest gate closure was met with a bid";
            case DISPATCH_DEVIATION -> "dispatch " + s + ": the latest slot is within the limit, or the dispatch has ended";
            case PROCESSOR_LAG -> "event processor " + s + " is within the lag limit";
            case OPTIMIZER_GAP -> "zone " + s + ": the latest schedule is within the gap limit";
        };
    }

    private static void add(Map<AlertId, Condition> out, AlertKind kind, String subject, String message, Double value,
                            Double threshold) {
        // A subject no alert id can carry (none of today's ids) is named by its kind alone rather than lost.
        if (!AlertId.isValid("alert:" + kind.slug() + ":" + subject)) subject = "unnamed";
        AlertId id = AlertId.of(kind, subject);
        out.putIfAbsent(id, new Condition(id, message.length() > 1000 ? message.substring(0, 997) + "..." : message, value, threshold));
    }

    /** For messages: a duration as people write it. */
    static String words(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
