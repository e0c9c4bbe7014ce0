package org.vpp.api.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.vpp.messages.dispatch.DispatchKind;

/**
 * What a device follows, from the setpoints sent to it: in each slot its market setpoint (absolute; of several
 * market dispatches, the one sent last) plus the sum of the manual dispatches' deltas; a device with deltas only
 * adds them to 0 (its schedule is nothing). A setpoint applies from its slot's start until its slot's end or its
 * dispatch's withdrawal, whichever comes first. Pure.
 */
final class EffectiveSetpoints {

    private EffectiveSetpoints() {
    }

    /** Per device, what applies at {@code at}; devices that nothing applies to are absent. */
    static Map<String, Double> at(Collection<SentSetpoint> rows, Instant at) {
        Map<String, SentSetpoint> market = new HashMap<>();
        Map<String, Double> manual = new HashMap<>();
        for (SentSetpoint row : rows) {
            if (!row.appliesAt(at)) continue;
            if (row.mode() == DispatchKind.MARKET) {
                market.merge(row.assetId(), row, EffectiveSetpoints::later);
            } else {
                manual.merge(row.assetId(), row.setpointMw(), Double::sum);
            }
        }
        Map<String, Double> effective = new HashMap<>(manual);
        market.forEach((asset, row) -> effective.merge(asset, row.setpointMw(), Double::sum));
        return Collections.unmodifiableMap(effective);
    }

    /**
     * What applies over {@code [from, to)} as a step function: each entry holds from its instant until the next
     * entry's (the last until {@code to}); the first entry is at {@code from}. A new entry starts wherever a slot
     * starts or ends or a dispatch is withdrawn.
     */
    static NavigableMap<Instant, Map<String, Double>> between(Collection<SentSetpoint> rows, Instant from, Instant to) {
        TreeSet<Instant> changes = new TreeSet<>();
        changes.add(from);
        // Rows grouped by slot, so each change looks only at the slots it falls in.
        Map<List<Instant>, List<SentSetpoint>> bySlot = new HashMap<>();
        for (SentSetpoint row : rows) {
            bySlot.computeIfAbsent(List.of(row.slotStart(), row.slotEnd()), k -> new ArrayList<>()).add(row);
            for (Instant change : new Instant[] {row.slotStart(), row.slotEnd(), row.withdrawnFrom()}) {
                if (change != null && change.isAfter(from) && change.isBefore(to)) changes.add(change);
            }
        }
        NavigableMap<Instant, Map<String, Double>> steps = new TreeMap<>();
        for (Instant change : changes) {
            List<SentSetpoint> inForce = new ArrayList<>();
            bySlot.forEach((slot, slotRows) -> {
                if (!change.isBefore(slot.get(0)) && change.isBefore(slot.get(1))) inForce.addAll(slotRows);
            });
            steps.put(change, at(inForce, change));
        }
        return Collections.unmodifiableNavigableMap(steps);
    }

    /** Of two market setpoints for the same device and instant, the one sent last (ties: the greater dispatch id). */
    private static SentSetpoint later(SentSetpoint a, SentSetpoint b) {
        int bySentAt = a.sentAt().compareTo(b.sentAt());
        if (bySentAt != 0) return bySentAt > 0 ? a : b;
        return a.dispatchId().compareTo(b.dispatchId()) >= 0 ? a : b;
    }
}
