/** The values the forecasting library speaks in: series, horizons, sources and forecasts. No behaviour beyond checks. */
package org.vpp.forecast.value;
