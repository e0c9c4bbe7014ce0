package org.vpp.optimizer;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/**
 * Why a rule matched: the asset or node, the slot (-1 for the whole horizon) and the amount in physical
 * units (MWh of violation, or EUR of value).
 */
record RuleJustification(String subject, int slot, double amount, String unit) implements ConstraintJustification {
}
