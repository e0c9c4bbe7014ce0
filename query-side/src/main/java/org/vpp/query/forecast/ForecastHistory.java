package org.vpp.query.forecast;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.kernel.TimeSeries;
import org.vpp.messages.asset.AssetId;

/**
 * Reads a device's telemetry as the regular series a forecaster needs: the mean power of each slot (15 minutes
 * by default) over a window. The series runs from the first to the last slot with a reading (a young device has
 * a short history, a silent one an old end: a forecast then starts where the data stops); slots without readings
 * in between are filled with the value before them (and counted), since the forecasting models take no gaps.
 */
public class ForecastHistory {

    private final JdbcTemplate jdbc;

    public ForecastHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param from start of the window, aligned to {@code step} by the caller
     * @param to   end of the window (exclusive); a whole number of steps after {@code from}
     * @return empty when the device has no reading in the window
     */
    public Optional<HistorySeries> slotMeans(AssetId device, Instant from, Instant to, Duration step) {
        long stepSeconds = step.toSeconds();
        if (stepSeconds <= 0 || !to.isAfter(from)) throw new IllegalArgumentException("empty window or step");
        int slots = Math.toIntExact(Duration.between(from, to).toSeconds() / stepSeconds);
        double[] sums = new double[slots];
        boolean[] seen = new boolean[slots];
        jdbc.query("""
                SELECT floor(extract(epoch FROM (at - ?)) / ?)::int AS slot, avg(power_mw)
                FROM telemetry_reading
                WHERE asset_id = ? AND at >= ? AND at < ?
                GROUP BY 1""", rs -> {
            int slot = rs.getInt(1);
            if (slot >= 0 && slot < slots) {
                sums[slot] = rs.getDouble(2);
                seen[slot] = true;
            }
        }, Timestamp.from(from), stepSeconds, device.value(), Timestamp.from(from),
                Timestamp.from(from.plus(step.multipliedBy(slots))));
        return fillGaps(from, step, sums, seen);
    }

    /** Between the first and last seen slots, unseen slots take the previous value; nothing outside is invented. */
    static Optional<HistorySeries> fillGaps(Instant from, Duration step, double[] means, boolean[] seen) {
        int first = 0;
        while (first < seen.length && !seen[first]) first++;
        if (first == seen.length) return Optional.empty();
        int end = seen.length;
        while (!seen[end - 1]) end--;
        double[] values = new double[end - first];
        int filled = 0;
        double last = means[first];
        for (int i = first; i < end; i++) {
            if (seen[i]) {
                last = means[i];
            } else {
                filled++;
            }
            values[i - first] = last;
        }
        return Optional.of(new HistorySeries(new TimeSeries(from.plus(step.multipliedBy(first)), step, values), filled));
    }
}
