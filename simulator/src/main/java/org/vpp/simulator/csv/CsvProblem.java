package org.vpp.simulator.csv;

/**
 * One thing wrong with an imported file. Lines and columns count from 1; column 0 means the whole line, line 0 the
 * whole file.
 */
public record CsvProblem(int line, int column, String reason) {

    @Override
    public String toString() {
        if (line == 0) {
            return reason;
        }
        return column == 0 ? "line " + line + ": " + reason : "line " + line + ", column " + column + ": " + reason;
    }
}
