package org.vpp.api.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the application drives its processes ({@code vpp.processes.*}).
 *
 * @param enabled   whether a background thread gives the processes passes; off, they run only when something calls
 *                  the driver (tests step their clock and do)
 * @param pollEvery real time between two looks at the application clock (what is due is decided on that clock)
 * @param stopGrace how long a stop waits for passes in progress before the buses stop
 */
@ConfigurationProperties("vpp.processes")
public record ProcessProperties(Boolean enabled, Duration pollEvery, Duration stopGrace) {

    public ProcessProperties {
        enabled = enabled == null || enabled;
        pollEvery = pollEvery == null ? Duration.ofMillis(500) : pollEvery;
        stopGrace = stopGrace == null ? Duration.ofSeconds(30) : stopGrace;
    }
}
