package org.vpp.optimizer.model;

/**
 * The contribution of one rule (hard in Wh of violation, soft in milli-EUR) to a score, for the whole
 * schedule or for one subject (asset or node).
 */
public record ConstraintScore(String constraint, String subject, long hardWh, long softMilliEur, int matchCount) {
}
