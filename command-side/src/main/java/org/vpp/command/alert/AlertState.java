package org.vpp.command.alert;

import org.vpp.messages.alert.AlertCleared;
import org.vpp.messages.alert.AlertEvent;
import org.vpp.messages.alert.AlertId;
import org.vpp.messages.alert.AlertRaised;

/** What an alert's decisions need: whether it is raised, and how many times it has been. */
public record AlertState(AlertId id, boolean active, int occurrences) {

    public static AlertState evolve(AlertState state, AlertEvent event) {
        return switch (event) {
            case AlertRaised e -> new AlertState(e.alertId(), true, e.occurrence());
            case AlertCleared e -> new AlertState(e.alertId(), false, e.occurrence());
        };
    }
}
