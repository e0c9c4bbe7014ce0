/**
 * Forecasting as a library: univariate models behind one interface, rolling-origin cross-validation without
 * look-ahead, and selection of the best model per source. Plain records in and out; no Axon, no Spring.
 *
 * <p>The front is {@link org.vpp.forecast.Forecaster}: {@code train} selects a model for a source and returns
 * every candidate's scores (the experiment log); {@code forecast} refits the selected model on the latest
 * history. Values live in {@code value}, models in {@code model}, features in {@code feature}, cross-validation
 * and selection in {@code validation}; dependencies point from this package down to those, never back.
 */
package org.vpp.forecast;
