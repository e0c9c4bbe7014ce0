package org.vpp.api.config;

import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.sagas.port.PriceHistory;
import org.vpp.api.simulation.SimulationProperties;
import org.vpp.simulator.clock.AcceleratedClock;

/**
 * The application's only time source, chosen here: real time, or the demo world's accelerated clock when the
 * simulation is on. An accelerated clock starts at {@code vpp.simulation.start}, else at the start of imported
 * prices, else now; and it resumes after the newest stored reading, so a restart never moves time backwards. Axon stamps events from a static clock of its own, which is pointed at ours, so event timestamps,
 * read models and the watchdog agree on what time it is. Tests replace the bean with a clock they step.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

    @Bean
    public InstantSource applicationClock(SimulationProperties simulation, PriceHistory prices, JdbcTemplate jdbc) {
        if (!simulation.enabled()) return InstantSource.system();
        // A first run starts where asked, else where imported prices start (a replay), else now.
        Instant start = simulation.start() != null ? simulation.start()
                : prices.coveredFrom().orElseGet(() -> Instant.now().truncatedTo(ChronoUnit.MINUTES));
        Instant resume = newestReading(jdbc);
        if (resume != null && resume.isAfter(start)) start = resume.plus(simulation.twinStep()).truncatedTo(ChronoUnit.MINUTES);
        log.info("Simulated clock: x{} from {}", simulation.speed(), start);
        return new AcceleratedClock(start, simulation.speed(), simulation.zone());
    }

    private static Instant newestReading(JdbcTemplate jdbc) {
        try {
            java.sql.Timestamp t = jdbc.queryForObject("SELECT max(at) FROM telemetry_reading", java.sql.Timestamp.class);
            return t == null ? null : t.toInstant();
        } catch (DataAccessException firstStartBeforeMigrations) {
            return null;
        }
    }

    @Bean
    public InitializingBean axonUsesTheApplicationClock(InstantSource clock) {
        return () -> GenericEventMessage.clock = clock.withZone(ZoneOffset.UTC);
    }
}
