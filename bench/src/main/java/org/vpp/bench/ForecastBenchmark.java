package org.vpp.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vpp.bench.forecast.BenchmarkSource;
import org.vpp.bench.forecast.CsvSources;
import org.vpp.bench.forecast.HeldOutWindow;
import org.vpp.bench.forecast.Report;
import org.vpp.bench.forecast.SimulatorSources;
import org.vpp.bench.forecast.SourceBenchmark;
import org.vpp.bench.forecast.SourceRun;
import org.vpp.forecast.validation.CvConfig;

/**
 * {@code ./vpp bench forecast [--only TEXT] [--zone Z] [--separator C] [--decimal-comma] [--max-fill D] [--step D]
 * [[kind[@lat,lon]:]file.csv ...]} ({@code --only} keeps the sources whose name contains the text): model selection on the simulator's PV, wind, load and price series (a year and
 * more of quarter-hours, seed 42; PV and wind also with the simulator's weather forecasts) and on any CSV series
 * given. For each series, two held-out weeks in different seasons, each after {@value #TRAINING_DAYS} training days:
 * the selection (with every finalist's tuning and selection-window errors), the held-out gain over the better
 * seasonal naive forecast and over persistence against the targets, the P10-P90 coverage, and the optimism
 * of the selection now and as it was before.
 */
public final class ForecastBenchmark {

    private static final Instant START = Instant.parse("2024-10-07T00:00:00Z");
    private static final Duration QUARTER_HOUR = Duration.ofMinutes(15);
    private static final int DAYS = 400;
    private static final long SEED = 42;
    private static final int TRAINING_DAYS = 56;
    private static final int HELD_OUT_DAYS = 14;

    private ForecastBenchmark() {
    }

    public static void main(String[] args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        String only = "";
        int at = arguments.indexOf("--only");
        if (at >= 0) {
            if (at + 1 >= arguments.size()) Refusal.orExit(() -> { throw new Refusal("--only needs a text to match"); }, System.err);
            only = arguments.remove(at + 1);
            arguments.remove(at);
        }
        List<BenchmarkSource> files = Refusal.orExit(() -> CsvSources.fromArguments(arguments, System.out), System.err);
        List<BenchmarkSource> sources = new ArrayList<>(SimulatorSources.generate(START, QUARTER_HOUR, DAYS * 96, SEED));
        sources.addAll(files);
        String wanted = only;
        sources.removeIf(source -> !source.name().contains(wanted));
        CvConfig config = CvConfig.DEFAULT;
        System.out.printf("forecast benchmark: %d sources, %d folds (last %d select), selection by %s, search budget %s "
                        + "per source, %d cores, JDK %s%n", sources.size(), config.folds(), config.selectionFolds(),
                config.metric(), config.searchBudget(), Runtime.getRuntime().availableProcessors(), Runtime.version());
        long started = System.nanoTime();
        List<SourceRun> runs = new ArrayList<>();
        for (BenchmarkSource source : sources) {
            for (HeldOutWindow window : HeldOutWindow.pick(source.series(), TRAINING_DAYS, HELD_OUT_DAYS, 2)) {
                SourceRun run = SourceBenchmark.run(source, window, config, true);
                Report.print(run, System.out);
                runs.add(run);
            }
        }
        Report.summary(runs, System.out);
        System.out.printf("%ntotal %.1f s%n", (System.nanoTime() - started) / 1e9);
    }
}
