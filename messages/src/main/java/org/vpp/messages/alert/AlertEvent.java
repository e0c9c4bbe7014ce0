package org.vpp.messages.alert;

/** An event of an alert's life. */
public sealed interface AlertEvent permits AlertRaised, AlertCleared {

    AlertId alertId();
}
