package org.vpp.simulator.csv;

/**
 * One thing the importer did to turn a file into a series (rows read, a local time resolved or dropped, a gap
 * filled, a resampling), so that a user can see that the series is not exactly the file. Line 0 means the whole
 * file.
 */
public record ImportNote(int line, String text) {

    @Override
    public String toString() {
        return line == 0 ? text : "line " + line + ": " + text;
    }
}
