package org.vpp.optimizer.model;

/** A dispatchable generator: off (0 MW) or on between {@code minMw} and {@code maxMw}, at a fuel cost. */
public record Generator(String id, double minMw, double maxMw, double costEurPerMwh) {

    public Generator {
        if (minMw < 0 || maxMw < minMw || costEurPerMwh < 0) {
            throw new IllegalArgumentException("generator " + id + ": need 0 <= min <= max and cost >= 0");
        }
    }
}
