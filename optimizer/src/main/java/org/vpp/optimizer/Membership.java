package org.vpp.optimizer;

/** An asset (a {@link BatteryFact} or {@link OutputFact}) belongs to the grid node with this index. */
record Membership(Object asset, int nodeIndex) {
}
