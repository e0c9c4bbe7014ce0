/**
 * Scheduling (Timefold) and forecasting as libraries over plain records: no Axon, no Spring. Small public
 * fronts, Timefold classes package-private.
 */
package org.vpp.optimizer;
