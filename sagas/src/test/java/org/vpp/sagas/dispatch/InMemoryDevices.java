package org.vpp.sagas.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.dispatch.DispatchKind;
import org.vpp.sagas.port.Devices;

/** The devices port in memory: what was sent per slot, conditions and meters set by the test. */
final class InMemoryDevices implements Devices {

    record Sent(DispatchId dispatch, DispatchKind mode, Instant slotStart, Map<String, Double> setpoints) {
    }

    final List<Sent> sends = new ArrayList<>();
    final List<Instant> withdrawals = new ArrayList<>();
    final Map<String, DeviceCondition> conditions = new HashMap<>();
    /** Metered mean power per device, the same for every slot unless a slot has its own. */
    final Map<String, Double> metered = new HashMap<>();
    final Map<Instant, Map<String, Double>> meteredBySlot = new HashMap<>();
    final Map<String, Double> manualDeltas = new HashMap<>();

    @Override
    public int send(DispatchId dispatch, DispatchKind mode, Instant slotStart, Instant slotEnd, Map<String, Double> setpointsMw) {
        boolean again = sends.stream().anyMatch(s -> s.dispatch().equals(dispatch) && s.slotStart().equals(slotStart));
        sends.add(new Sent(dispatch, mode, slotStart, new LinkedHashMap<>(setpointsMw)));
        return again ? 0 : setpointsMw.size();
    }

    @Override
    public Map<String, Double> sent(DispatchId dispatch, Instant slotStart) {
        return sends.stream().filter(s -> s.dispatch().equals(dispatch) && s.slotStart().equals(slotStart))
                .map(Sent::setpoints).findFirst().orElse(Map.of());
    }

    @Override
    public void withdraw(DispatchId dispatch, Instant from) {
        withdrawals.add(from);
    }

    @Override
    public Map<String, Double> manualDeltas(Instant slotStart, Instant slotEnd) {
        return Map.copyOf(manualDeltas);
    }

    @Override
    public Map<String, DeviceCondition> conditions(Collection<String> assetIds, Instant now) {
        Map<String, DeviceCondition> out = new HashMap<>();
        for (String id : assetIds) {
            out.put(id, conditions.getOrDefault(id, new DeviceCondition(id, true, now.minusSeconds(60), 0.0, 0.5, true)));
        }
        return out;
    }

    @Override
    public Map<String, MeteredPower> metered(Collection<String> assetIds, Instant from, Instant to) {
        Map<String, Double> values = meteredBySlot.getOrDefault(from, metered);
        Map<String, MeteredPower> out = new HashMap<>();
        for (String id : assetIds) {
            if (values.containsKey(id)) out.put(id, new MeteredPower(id, values.get(id), 15));
        }
        return out;
    }
}
