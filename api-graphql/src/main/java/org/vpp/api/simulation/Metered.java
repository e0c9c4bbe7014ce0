package org.vpp.api.simulation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.api.bidding.FleetSnapshot;
import org.vpp.kernel.AssetKind;

/**
 * What the meters said about a delivery day, per device and slot, read once from the telemetry table: the mean power
 * of the readings in each slot (a reading at {@code at} covers the minute before it), the share of them that said
 * the device was available, the same slots of the two days before (for seasonal naive), and the batteries' state of
 * charge when delivery began and ended.
 */
final class Metered {

    private static final Duration DAY = Duration.ofDays(1);

    private final Instant from;
    private final Duration slot;
    private final int n;
    private final Map<String, double[]> sum = new HashMap<>();
    private final Map<String, int[]> count = new HashMap<>();
    private final Map<String, int[]> available = new HashMap<>();
    private final Map<String, Double> socAtStart = new HashMap<>();
    private final Map<String, Double> socAtEnd = new HashMap<>();
    private final Map<String, AssetKind> kinds = new HashMap<>();

    private Metered(Instant from, Duration slot, int n) {
        this.from = from;
        this.slot = slot;
        this.n = n;
    }

    /** Slots are indexed from two days before {@code from}: index 2n.. is the delivery day. */
    static Metered read(JdbcTemplate jdbc, FleetSnapshot fleet, Instant from, Instant to, Duration slot, int n) {
        Metered m = new Metered(from, slot, n);
        fleet.devices().forEach(d -> m.kinds.put(d.id(), d.kind()));
        String[] ids = fleet.devices().stream().map(FleetSnapshot.Device::id).toArray(String[]::new);
        Instant earliest = from.minus(DAY.multipliedBy(2));
        jdbc.query("""
                SELECT asset_id, at, power_mw, soc, available FROM telemetry_reading
                WHERE asset_id = ANY (?) AND at > ? AND at <= ? ORDER BY asset_id, at""", rs -> {
            String id = rs.getString(1);
            Instant at = rs.getTimestamp(2).toInstant();
            long offset = Duration.between(earliest, at.minusNanos(1)).toNanos() / slot.toNanos();
            int index = (int) offset;
            if (index >= 0 && index < 3 * n) {
                m.sum.computeIfAbsent(id, k -> new double[3 * n])[index] += rs.getDouble(3);
                m.count.computeIfAbsent(id, k -> new int[3 * n])[index]++;
                if (rs.getBoolean(5)) m.available.computeIfAbsent(id, k -> new int[3 * n])[index]++;
            }
            double soc = rs.getDouble(4);
            if (!rs.wasNull()) {
                if (!at.isAfter(from)) m.socAtStart.put(id, soc);
                m.socAtEnd.put(id, soc);
            }
        }, (Object) ids, Timestamp.from(earliest), Timestamp.from(to));
        return m;
    }

    /** The delivery day's mean power per slot (NaN where no reading came). */
    double[] meanMw(String device) {
        return means(device, 2 * n);
    }

    private double[] means(String device, int offset) {
        double[] out = new double[n];
        double[] s = sum.get(device);
        int[] c = count.get(device);
        for (int t = 0; t < n; t++) out[t] = s == null || c[offset + t] == 0 ? Double.NaN : s[offset + t] / c[offset + t];
        return out;
    }

    /** Per slot, the share of readings that said available (1 where none came: no evidence of an outage). */
    double[] availableShare(String device) {
        double[] out = new double[n];
        int[] c = count.get(device);
        int[] a = available.get(device);
        for (int t = 0; t < n; t++) {
            out[t] = c == null || c[2 * n + t] == 0 ? 1 : (a == null ? 0 : a[2 * n + t]) / (double) c[2 * n + t];
        }
        return out;
    }

    /**
     * Seasonal naive as the cycle could have made it at {@code asOf}: each slot the metered mean of the same time on
     * the latest day already measured then (a day before, or two).
     */
    double[] naive(String device, Instant asOf) {
        double[] dayBefore = means(device, n);
        double[] twoBefore = means(device, 0);
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            Instant slotEndDayBefore = from.plus(slot.multipliedBy(t + 1)).minus(DAY);
            out[t] = slotEndDayBefore.isAfter(asOf) ? twoBefore[t] : dayBefore[t];
        }
        return out;
    }

    /** Batteries' state of charge (fraction) at the last reading not after delivery start. */
    Map<String, Double> socAtStart() {
        return Map.copyOf(socAtStart);
    }

    /** Batteries' state of charge (fraction) at their last reading of the day. */
    Map<String, Double> socAtEnd() {
        return Map.copyOf(socAtEnd);
    }

    /** Energy the generators produced over the day (MWh). */
    double generatorMwh() {
        double mwh = 0;
        for (var e : kinds.entrySet()) {
            if (e.getValue() != AssetKind.GENERATOR) continue;
            for (double mw : meanMw(e.getKey())) if (!Double.isNaN(mw)) mwh += Math.max(0, mw) * hours();
        }
        return mwh;
    }

    /** A battery's throughput over the day (MWh charged plus discharged, metered at the terminals). */
    double throughputMwh(String battery) {
        return Arrays.stream(meanMw(battery)).filter(v -> !Double.isNaN(v)).map(v -> Math.abs(v) * hours()).sum();
    }

    private double hours() {
        return slot.toSeconds() / 3600.0;
    }
}
