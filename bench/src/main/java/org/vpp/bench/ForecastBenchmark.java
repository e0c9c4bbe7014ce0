package org.vpp.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vpp.bench.forecast.BenchmarkSource;
import org.vpp.bench.forecast.CsvSources;
import org.vpp.bench.forecast.Report;
import org.vpp.bench.forecast.SimulatorSources;
import org.vpp.bench.forecast.SourceBenchmark;
import org.vpp.forecast.validation.CvConfig;

/**
 * {@code ./vpp bench forecast [--zone Z] [--separator C] [--decimal-comma] [--max-fill D] [--step D]
 * [[kind[@lat,lon]:]file.csv ...]}: model selection on the simulator's PV, wind,
 * load and price series (8 weeks of quarter-hours, seed 42) and on any CSV series given, printing each model
 * family's cross-validation errors, the selected model's gain over seasonal naive on held-out days, and timings.
 */
public final class ForecastBenchmark {

    private static final Instant START = Instant.parse("2025-04-07T00:00:00Z");
    private static final Duration QUARTER_HOUR = Duration.ofMinutes(15);
    private static final int DAYS = 56;
    private static final long SEED = 42;

    private ForecastBenchmark() {
    }

    public static void main(String[] args) {
        List<BenchmarkSource> files = Refusal.orExit(() -> CsvSources.fromArguments(List.of(args), System.out),
                System.err);
        List<BenchmarkSource> sources = new ArrayList<>(SimulatorSources.generate(START, QUARTER_HOUR, DAYS * 96, SEED));
        sources.addAll(files);
        CvConfig config = CvConfig.DEFAULT;
        System.out.printf("forecast benchmark: %d sources, %d folds, selection by %s, search budget %s per source, "
                        + "%d cores, JDK %s%n", sources.size(), config.folds(), config.metric(), config.searchBudget(),
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        long started = System.nanoTime();
        for (BenchmarkSource source : sources) {
            Report.print(SourceBenchmark.run(source, config), System.out);
        }
        System.out.printf("%ntotal %.1f s%n", (System.nanoTime() - started) / 1e9);
    }
}
