/**
 * The application layer: every process that reacts to events or to the application clock lives here, behind ports
 * it owns. {@code clock}: the one mechanism that drives processes on the application clock; {@code forecast}: model
 * training and inference; {@code telemetry}: the watchdog that turns silence into asset status; {@code bidding}: the bidding cycle saga, the pricing of a bid from a schedule and a price forecast, and
 * what to do at gate closure; {@code port}: what the processes call (prices, meter history, forecast values, device
 * health, bidding inputs, the schedule solver, the market), implemented by adapters in the
 * application module. Processes keep workflow state only and call pure functions of the libraries for decisions.
 */
package org.vpp.sagas;
