/**
 * The application layer: every process that reacts to events or to the application clock lives here, behind ports
 * it owns. {@code clock}: the one mechanism that drives processes on the application clock; {@code forecast}: model
 * training and inference; {@code telemetry}: the watchdog that turns silence into asset status; {@code bidding}: the pricing of a bid from a schedule and a price forecast; {@code port}: what the
 * processes call (prices, meter history, forecast values, device health), implemented by adapters in the
 * application module. Processes keep workflow state only and call pure functions of the libraries for decisions.
 */
package org.vpp.sagas;
