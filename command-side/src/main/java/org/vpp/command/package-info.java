/**
 * Aggregates that decide and record: {@code asset} now, bids and dispatches with the bidding cycle. Decisions
 * are pure functions over immutable state; aggregate classes only glue them to Axon.
 */
package org.vpp.command;
