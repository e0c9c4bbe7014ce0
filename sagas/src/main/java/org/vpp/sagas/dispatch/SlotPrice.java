package org.vpp.sagas.dispatch;

import java.time.Instant;

/** The prices a slot is settled at: the day-ahead clearing price and the imbalance price, with the system's direction. */
public record SlotPrice(Instant start, double clearingEurPerMwh, double imbalanceEurPerMwh, String systemDirection) {
}
