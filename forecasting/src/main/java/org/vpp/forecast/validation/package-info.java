/**
 * Rolling-origin cross-validation, error metrics (MAE, RMSE, MASE) and model selection. The time budget of a
 * search is read from an injected nanosecond source, never from a hidden clock.
 */
package org.vpp.forecast.validation;
