package org.vpp.optimizer.model;

import java.util.Optional;

/**
 * An accepted bid: in {@code slot} the net power of a node (or of the whole fleet when {@code nodeId} is
 * empty) must be {@code netMw} within {@code toleranceMw}. It is a fact the optimizer cannot change.
 */
public record Commitment(Optional<String> nodeId, int slot, double netMw, double toleranceMw) {

    public Commitment {
        if (slot < 0 || toleranceMw < 0) {
            throw new IllegalArgumentException("commitment: slot and tolerance must be non-negative");
        }
    }

    public static Commitment ofFleet(int slot, double netMw, double toleranceMw) {
        return new Commitment(Optional.empty(), slot, netMw, toleranceMw);
    }

    public static Commitment ofNode(String nodeId, int slot, double netMw, double toleranceMw) {
        return new Commitment(Optional.of(nodeId), slot, netMw, toleranceMw);
    }
}
