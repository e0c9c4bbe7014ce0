package org.vpp.messages.dispatch;

import java.time.LocalDate;

/**
 * The money of one delivery day: every dispatch settled for {@code day} (the day its settlement names) and the
 * profit and loss per node summed over them. Answered with a {@link SettlementDayView}, empty for a day without
 * settled dispatches.
 */
public record FindSettlements(LocalDate day) {
}
