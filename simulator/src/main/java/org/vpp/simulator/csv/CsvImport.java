package org.vpp.simulator.csv;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.vpp.kernel.TimeSeries;

/**
 * An imported series with its report: what was done to the file ({@code notes}, in order) and which slots of the
 * series hold filled rather than read values ({@code filled}, one flag per slot of {@code series}).
 */
public record CsvImport(TimeSeries series, List<ImportNote> notes, boolean[] filled) {

    public CsvImport {
        Objects.requireNonNull(series, "series");
        notes = List.copyOf(notes);
        filled = filled.clone();
        if (filled.length != series.size()) {
            throw new IllegalArgumentException("one filled flag per slot: " + filled.length + " for " + series.size());
        }
    }

    @Override
    public boolean[] filled() {
        return filled.clone();
    }

    public boolean isFilled(int slot) {
        return filled[slot];
    }

    public int filledCount() {
        int count = 0;
        for (boolean flag : filled) {
            count += flag ? 1 : 0;
        }
        return count;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CsvImport that && series.equals(that.series) && notes.equals(that.notes)
                && Arrays.equals(filled, that.filled);
    }

    @Override
    public int hashCode() {
        return Objects.hash(series, notes, Arrays.hashCode(filled));
    }

    @Override
    public String toString() {
        return "CsvImport[series=" + series + ", notes=" + notes.size() + ", filled=" + filledCount() + "]";
    }
}
