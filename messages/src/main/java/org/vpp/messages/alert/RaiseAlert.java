package org.vpp.messages.alert;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Raise an alert because its condition holds. An alert already raised (and not cleared) stays as it is: a condition
 * that lasts is raised once.
 *
 * @param at        when the condition was seen
 * @param message   what an operator reads: the subject, the figure and the limit, in words
 * @param value     the figure that crossed the threshold (lag in events, deviation in MW, gap as a share); null when
 *                  the condition is a state (a fault, a missed gate)
 * @param threshold the limit it crossed; null with {@code value}
 */
public record RaiseAlert(@TargetAggregateIdentifier AlertId alertId, Instant at, String message, Double value,
                         Double threshold) {
}
