package org.vpp.optimizer.model;

/** A broken hard limit found by {@link ScheduleCheck}: which rule, which asset or node, which slot, by how much. */
public record Violation(String rule, String subject, int slot, double amount, String unit) {
}
