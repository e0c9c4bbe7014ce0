package org.vpp.simulator.twin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Steps a set of twins together and reports their telemetry as one batch, so a driver (a scheduled task on the
 * simulated clock) needs one call per step.
 */
public final class TwinFleet {

    private final Map<String, DeviceTwin> twins = new LinkedHashMap<>();
    private final TelemetrySink sink;

    public TwinFleet(Collection<? extends DeviceTwin> twins, TelemetrySink sink) {
        for (DeviceTwin twin : twins) {
            if (this.twins.putIfAbsent(twin.assetId(), twin) != null) {
                throw new IllegalArgumentException("duplicate twin for asset " + twin.assetId());
            }
        }
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Steps every twin, in the order given at construction, with its setpoint if one is present; returns the
     * outcomes by asset id. Setpoints for unknown assets are refused so a typo cannot go unnoticed.
     */
    public synchronized Map<String, StepOutcome> step(Instant at, Duration dt, Map<String, Double> setpointsMw) {
        for (String id : setpointsMw.keySet()) {
            if (!twins.containsKey(id)) {
                throw new IllegalArgumentException("no twin for asset " + id);
            }
        }
        Map<String, StepOutcome> outcomes = new LinkedHashMap<>();
        List<TelemetrySample> batch = new ArrayList<>(twins.size());
        for (DeviceTwin twin : twins.values()) {
            Double setpoint = setpointsMw.get(twin.assetId());
            TwinStep step = twin.step(at, dt, setpoint == null ? OptionalDouble.empty() : OptionalDouble.of(setpoint));
            outcomes.put(twin.assetId(), step.outcome());
            batch.add(step.telemetry());
        }
        sink.accept(List.copyOf(batch));
        return Collections.unmodifiableMap(outcomes);
    }
}
