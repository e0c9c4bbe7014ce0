package org.vpp.query.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.asset.AssetId;

/**
 * Validation of one reading, as a pure function of the reading, the asset it names, the current time and how far
 * ahead of it a device's clock may run.
 */
public final class TelemetryRules {

    /** Default of {@code vpp.telemetry.max-ahead}: readings stamped further in the future are refused (the device's clock is wrong). */
    public static final Duration DEFAULT_MAX_AHEAD = Duration.ofMinutes(5);

    /** Readings must be stamped after this instant: earlier ones are a device clock that was never set (or year 0). */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private TelemetryRules() {
    }

    public static Optional<TelemetryProblem> check(long index, ReadingInput r, Function<AssetId, Optional<KnownDevice>> devices,
                                                   Instant now, Duration maxAhead) {
        if (r.malformed() != null) return problem(index, r.malformedField(), r.malformed());
        if (r.assetId() == null || r.assetId().isBlank()) return problem(index, "assetId", "is required");
        if (!AssetId.isValid(r.assetId())) return problem(index, "assetId", "is not a valid asset id: " + r.assetId());
        Optional<KnownDevice> device = devices.apply(AssetId.of(r.assetId()));
        if (device.isEmpty()) return problem(index, "assetId", "no asset with id " + r.assetId());
        if (device.get().kind().isGroup()) {
            return problem(index, "assetId", r.assetId() + " is a " + device.get().kind() + "; telemetry comes from devices");
        }
        if (device.get().decommissioned()) {
            return problem(index, "assetId", r.assetId() + " is decommissioned");
        }
        if (r.at() == null) return problem(index, "at", "is required");
        if (!r.at().isAfter(EARLIEST)) return problem(index, "at", "must be after " + EARLIEST + ", got " + r.at());
        if (r.at().isAfter(now.plus(maxAhead))) {
            return problem(index, "at", "is more than " + maxAhead + " ahead of the clock (" + r.at() + ", now " + now + ")");
        }
        if (r.powerMw() == null) return problem(index, "powerMw", "is required");
        if (!Double.isFinite(r.powerMw())) return problem(index, "powerMw", "must be a finite number, got " + r.powerMw());
        if (Math.abs(r.powerMw()) > TechnicalLimits.MAX_ABS_POWER_MW) {
            return problem(index, "powerMw", "must be within ±100000 MW (100 GW), got " + r.powerMw());
        }
        if (r.soc() != null && (!Double.isFinite(r.soc()) || r.soc() < 0 || r.soc() > 1)) {
            return problem(index, "soc", "must be in [0, 1], got " + r.soc());
        }
        // A battery's own SoC, or the plugged-in car's at an EV charger; nothing else has one.
        if (r.soc() != null && !device.get().kind().isStorage() && device.get().kind() != AssetKind.EV_CHARGER) {
            return problem(index, "soc", r.assetId() + " is a " + device.get().kind() + " and stores no energy");
        }
        if (r.available() == null) return problem(index, "available", "is required");
        return Optional.empty();
    }

    private static Optional<TelemetryProblem> problem(long index, String field, String message) {
        return Optional.of(new TelemetryProblem(index, field, message));
    }
}
