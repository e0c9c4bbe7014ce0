package org.vpp.simulator.csv;

import java.util.List;
import java.util.stream.Collectors;

/** A file that cannot become a series, with every problem found (up to the format's cap), not just the first. */
public final class CsvImportException extends RuntimeException {

    private final transient List<CsvProblem> problems;
    private final boolean truncated;

    public CsvImportException(String source, List<CsvProblem> problems, boolean truncated) {
        super(message(source, problems, truncated));
        this.problems = List.copyOf(problems);
        this.truncated = truncated;
    }

    public List<CsvProblem> problems() {
        return problems;
    }

    /** True when more problems existed than the cap allowed to collect. */
    public boolean truncated() {
        return truncated;
    }

    private static String message(String source, List<CsvProblem> problems, boolean truncated) {
        String list = problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
        return "cannot import " + source + ": " + problems.size() + " problem(s)"
                + (truncated ? " (further problems not listed)" : "") + "\n" + list;
    }
}
