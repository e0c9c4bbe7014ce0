package org.vpp.sagas.port;

import java.time.Duration;
import java.time.Instant;

import org.vpp.messages.forecast.ForecastId;
import org.vpp.messages.forecast.ForecastSourceId;

/**
 * Where a forecast's values go before its issue is recorded as an event: the values are too many for the event, the
 * event names them by id. A port: the forecast table behind it.
 */
public interface ForecastValues {

    /**
     * Stores the values once, with their band ({p10, p50, p90}, each as long as the values; null without one);
     * returns false when a forecast of that id was already stored (a retry).
     */
    boolean save(ForecastId id, ForecastSourceId source, Instant origin, Duration step, double[] values, double[][] band,
                 Instant issuedAt);
}
