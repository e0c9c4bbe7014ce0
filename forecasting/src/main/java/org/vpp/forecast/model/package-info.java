/**
 * The forecasting models: immutable records of hyperparameters ({@link org.vpp.forecast.model.ForecastModel})
 * that fit a history into a {@link org.vpp.forecast.model.FittedModel}. Nothing is shared between fits, so any
 * number of sources can be trained in parallel.
 *
 * <p>The linear algebra of the regression is Apache Commons Math 3 ({@code OLSMultipleLinearRegression}, QR
 * based), not hand-rolled: it is small, maintained within Apache, has had a stable API for a decade and needs no
 * native code. A full ML stack such as Tribuo would bring far more than a linear model needs; Holt-Winters and
 * seasonal naive are short recurrences and are written out here.
 */
package org.vpp.forecast.model;
