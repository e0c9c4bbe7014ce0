package org.vpp.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.vpp.simulator.csv.CsvImportException;
import org.vpp.simulator.csv.CsvProblem;

class CsvImportFailureAnalyzerTest {

    private final CsvImportFailureAnalyzer analyzer = new CsvImportFailureAnalyzer();

    @Test
    void aRefusedFileInsideABeanFailureIsDescribedOneLineAProblem() {
        CsvImportException refused = new CsvImportException("prices.csv", List.of(
                new CsvProblem(1207, 0, "gap of 5 h between 2022-03-04T10:00:00Z (line 1206) and "
                        + "2022-03-04T15:00:00Z (line 1207), above the 1 h that may be filled"),
                new CsvProblem(1300, 2, "unparsable value 'x'")), false);

        FailureAnalysis analysis = analyzer.analyze(new BeanCreationException("priceHistory", refused));

        assertThat(analysis.getDescription().lines()).containsExactly(
                "vpp: prices.csv: line 1207: gap of 5 h between 2022-03-04T10:00:00Z (line 1206) and "
                        + "2022-03-04T15:00:00Z (line 1207), above the 1 h that may be filled",
                "vpp: prices.csv: line 1300, column 2: unparsable value 'x'");
        assertThat(analysis.getAction()).contains("vpp.prices.separator");
    }

    @Test
    void manyProblemsAreCutAfterTheFirstTwenty() {
        List<CsvProblem> problems = IntStream.rangeClosed(1, 25).mapToObj(line -> new CsvProblem(line, 2, "bad")).toList();
        FailureAnalysis analysis = analyzer.analyze(new CsvImportException("series/pv-1.csv", problems, false));
        assertThat(analysis.getDescription().lines()).hasSize(21).last().isEqualTo("vpp: \u2026 and 5 more");
    }

    @Test
    void otherFailuresAreLeftToSpring() {
        assertThat(analyzer.analyze(new IllegalStateException("no database"))).isNull();
    }
}
