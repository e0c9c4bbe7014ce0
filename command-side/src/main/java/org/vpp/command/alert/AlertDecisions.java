package org.vpp.command.alert;

import org.vpp.command.common.Decision;
import org.vpp.messages.alert.AlertCleared;
import org.vpp.messages.alert.AlertEvent;
import org.vpp.messages.alert.AlertRaised;
import org.vpp.messages.alert.ClearAlert;
import org.vpp.messages.alert.RaiseAlert;

/**
 * What an alert does with a command: raised once while its condition lasts, cleared once when it ends. A raise of an
 * active alert and a clear of an inactive (or never raised) one change nothing, so the watch may repeat itself after
 * a restart without doubling an alert. A null state is an alert never raised.
 */
public final class AlertDecisions {

    private AlertDecisions() {
    }

    public static Decision<AlertEvent> raise(AlertState state, RaiseAlert cmd) {
        if (state != null && state.active()) return Decision.nothingToDo();
        int occurrence = state == null ? 1 : state.occurrences() + 1;
        return Decision.accept(new AlertRaised(cmd.alertId(), cmd.alertId().kind(), cmd.alertId().subject(), cmd.at(),
                cmd.message(), cmd.value(), cmd.threshold(), occurrence));
    }

    public static Decision<AlertEvent> clear(AlertState state, ClearAlert cmd) {
        if (state == null || !state.active()) return Decision.nothingToDo();
        return Decision.accept(new AlertCleared(cmd.alertId(), cmd.alertId().kind(), cmd.alertId().subject(), cmd.at(),
                cmd.reason(), state.occurrences()));
    }
}
