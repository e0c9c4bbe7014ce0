package org.vpp.command.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.vpp.messages.forecast.CandidateMetrics;
import org.vpp.messages.forecast.ForecastId;
import org.vpp.messages.forecast.ForecastIssued;
import org.vpp.messages.forecast.ForecastModelSelected;
import org.vpp.messages.forecast.ForecastSourceId;
import org.vpp.messages.forecast.ForecastSourceKind;
import org.vpp.messages.forecast.RecordForecastIssued;
import org.vpp.messages.forecast.RecordModelSelection;
import org.vpp.messages.forecast.SkippedModel;

/** Commands and events of one PV source, trained at T0 and forecasting a quarter-hour later. */
final class ForecastFixtures {

    static final ForecastSourceId PV = ForecastSourceId.of("pv:roof-1");
    static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");
    static final Duration STEP = Duration.ofMinutes(15);
    static final Map<String, String> DAILY = Map.of("season", "DAILY");
    static final CandidateMetrics NAIVE = new CandidateMetrics("seasonal-naive", DAILY, 0.7, 1.2, 1.0, 3);
    static final CandidateMetrics HOLT = new CandidateMetrics("holt-winters",
            Map.of("alpha", "0.2", "beta", "0.01", "gamma", "0.2", "phi", "0.9", "season", "DAILY"), 0.8, 1.1, 1.1, 3);
    static final SkippedModel WEEKLY = new SkippedModel("seasonal-naive", Map.of("season", "WEEKLY"),
            "needs 672 values before the first fold, has 384");

    private ForecastFixtures() {
    }

    static RecordModelSelection selection(Instant trainedAt) {
        return selection(trainedAt, List.of(NAIVE, HOLT));
    }

    static RecordModelSelection selection(Instant trainedAt, List<CandidateMetrics> candidates) {
        return new RecordModelSelection(PV, ForecastSourceKind.PV, trainedAt, 96, STEP, "MASE", "seasonal-naive", DAILY,
                candidates, List.of(WEEKLY), trainedAt.minus(Duration.ofDays(7)), trainedAt, null, null);
    }

    static ForecastModelSelected selected(Instant trainedAt) {
        return new ForecastModelSelected(PV, ForecastSourceKind.PV, trainedAt, 96, STEP, "MASE", "seasonal-naive", DAILY,
                List.of(NAIVE, HOLT), List.of(WEEKLY), trainedAt.minus(Duration.ofDays(7)), trainedAt, null, null);
    }

    static RecordForecastIssued issue(Instant issuedAt, int steps) {
        return new RecordForecastIssued(PV, ForecastId.of(PV, issuedAt), issuedAt, issuedAt, STEP, steps,
                "seasonal-naive", DAILY);
    }

    static ForecastIssued issued(Instant issuedAt, int steps) {
        return new ForecastIssued(PV, ForecastId.of(PV, issuedAt), ForecastSourceKind.PV, issuedAt, issuedAt, STEP, steps,
                "seasonal-naive", DAILY);
    }
}
