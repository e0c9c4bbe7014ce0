package org.vpp.api.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.vpp.simulator.csv.CsvImportException;

/**
 * A refused price or series file stops the start with its problems, one line each, as the benchmarks print them,
 * instead of a stack trace that buries the line numbers. Registered in META-INF/spring.factories, since the file is
 * read while the context starts.
 */
public class CsvImportFailureAnalyzer extends AbstractFailureAnalyzer<CsvImportException> {

    /** Problems listed before "… and K more". */
    static final int MAX_LINES = 20;

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CsvImportException cause) {
        String lines = String.join("\n", cause.refusalLines(MAX_LINES).stream().map(line -> "vpp: " + line).toList());
        return new FailureAnalysis(lines, "Correct the file, or describe how it is written: vpp.prices.separator, "
                + "decimal-comma, local-zone and max-fill (VPP_PRICES_*) for prices; vpp.simulation.series-separator, "
                + "series-decimal-comma, series-max-fill and zone for device series.", cause);
    }
}
