package org.vpp.simulator.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A file that cannot become a series, with every problem found (up to the format's cap), not just the first. */
public final class CsvImportException extends RuntimeException {

    private final String source;
    private final transient List<CsvProblem> problems;
    private final boolean truncated;

    public CsvImportException(String source, List<CsvProblem> problems, boolean truncated) {
        super(message(source, problems, truncated));
        this.source = source;
        this.problems = List.copyOf(problems);
        this.truncated = truncated;
    }

    /** The file (or "text") that was refused. */
    public String source() {
        return source;
    }

    /**
     * One line per problem, "source: line 12: reason", the first {@code max} of them, then "… and K more": what a
     * command line or a start-up failure prints instead of a stack trace.
     */
    public List<String> refusalLines(int max) {
        List<String> lines = new ArrayList<>();
        problems.stream().limit(max).forEach(problem -> lines.add(source + ": " + problem));
        int more = problems.size() - Math.min(max, problems.size());
        if (more > 0 || truncated) {
            lines.add("\u2026 and " + (more > 0 ? more + " more" : "more") + (truncated ? " (not all listed)" : ""));
        }
        return lines;
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
