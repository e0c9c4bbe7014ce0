package org.vpp.query.telemetry;

/**
 * Why one reading of a batch was refused.
 *
 * @param index position of the reading in the batch (0-based); for NDJSON, line number - 1
 * @param field the reading's field at fault, e.g. {@code soc}
 */
public record TelemetryProblem(long index, String field, String message) {
}
