package org.vpp.api.dispatch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.vpp.sagas.dispatch.DispatchSettings;

/**
 * How dispatches run ({@code vpp.dispatch.*}), in application-clock time (simulated when simulating); absent values
 * take {@link DispatchSettings#defaults()}.
 *
 * @param sendLead     a slot's setpoints go out this long before it starts
 * @param measureGrace a slot is measured this long after it ends
 * @param staleAfter   a device silent for longer is taken as not delivering
 * @param toleranceMw  a device this close to its setpoint is on target
 * @param maxCauses    deviations named per slot
 * @param settleWithin how long settlement waits for imbalance prices
 */
@ConfigurationProperties("vpp.dispatch")
public record DispatchProperties(Duration sendLead, Duration measureGrace, Duration staleAfter, Double toleranceMw,
                                 Integer maxCauses, Duration settleWithin) {

    public DispatchSettings settings() {
        DispatchSettings d = DispatchSettings.defaults();
        return new DispatchSettings(sendLead == null ? d.sendLead() : sendLead,
                measureGrace == null ? d.measureGrace() : measureGrace,
                staleAfter == null ? d.staleAfter() : staleAfter,
                toleranceMw == null ? d.toleranceMw() : toleranceMw,
                maxCauses == null ? d.maxCauses() : maxCauses,
                settleWithin == null ? d.settleWithin() : settleWithin);
    }
}
