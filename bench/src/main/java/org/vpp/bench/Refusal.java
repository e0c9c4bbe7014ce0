package org.vpp.bench;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;
import org.vpp.simulator.csv.CsvImportException;

/**
 * A benchmark's command line or input file refused: printed as one line per problem, "vpp: ...", with exit status
 * {@value #EXIT_STATUS}, never as a stack trace, since the user can act on the line and not on the trace.
 */
public final class Refusal extends RuntimeException {

    /** The exit status of a refusal, apart from 1 (a crash). */
    public static final int EXIT_STATUS = 2;
    /** Problems of a file listed before "… and K more". */
    public static final int MAX_LINES = 10;

    /** @param message names the argument and what is wrong with it */
    public Refusal(String message) {
        super(message);
    }

    /** The lines a refusal prints; empty for a failure that is no refusal (a bug, to be shown as it is). */
    public static List<String> lines(RuntimeException failure) {
        return switch (failure) {
            case CsvImportException csv -> csv.refusalLines(MAX_LINES).stream().map(line -> "vpp: " + line).toList();
            case Refusal refusal -> List.of("vpp: " + refusal.getMessage());
            case UncheckedIOException io -> List.of("vpp: " + io.getMessage());
            default -> List.of();
        };
    }

    /** The step's result; on a refusal, prints its lines to {@code err} and exits with {@value #EXIT_STATUS}. */
    public static <T> T orExit(Supplier<T> step, PrintStream err) {
        try {
            return step.get();
        } catch (RuntimeException failure) {
            List<String> lines = lines(failure);
            if (lines.isEmpty()) {
                throw failure;
            }
            lines.forEach(err::println);
            System.exit(EXIT_STATUS);
            throw failure;
        }
    }
}
