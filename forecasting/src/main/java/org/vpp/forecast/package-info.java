/**
 * Forecasting as a library: univariate models behind one interface, rolling-origin cross-validation without
 * look-ahead, and selection of the best model per source. Plain records in and out; no Axon, no Spring.
 */
package org.vpp.forecast;
