package org.vpp.api.config;

import java.time.Duration;
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
 * prices, else now; and it resumes after the newest stored reading and event, so a restart never moves time backwards. Axon stamps events from a static clock of its own, which is pointed at ours, so event timestamps,
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
        start = resumeAt(start, newestReading(jdbc), newestEvent(jdbc), simulation.twinStep());
        log.info("Simulated clock: x{} from {}", simulation.speed(), start);
        return new AcceleratedClock(start, simulation.speed(), simulation.zone());
    }

    /**
     * Where a simulated clock starts: at {@code start}, unless the store already holds later time. Then one twin step
     * after the newest reading (on the minute), and never before the newest event: readings can lag the events (a
     * cycle's step recorded while the twins' last reports were still on their way), and a clock resumed before a
     * recorded step would have the next one refused as "time went backwards" after a kill -9.
     */
    static Instant resumeAt(Instant start, Instant newestReading, Instant newestEvent, Duration twinStep) {
        Instant resume = start;
        if (newestReading != null) resume = later(resume, newestReading.plus(twinStep).truncatedTo(ChronoUnit.MINUTES));
        if (newestEvent != null) {
            Instant minute = newestEvent.truncatedTo(ChronoUnit.MINUTES);
            resume = later(resume, minute.equals(newestEvent) ? minute : minute.plus(Duration.ofMinutes(1)));
        }
        return resume;
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }

    private static Instant newestReading(JdbcTemplate jdbc) {
        try {
            java.sql.Timestamp t = jdbc.queryForObject("SELECT max(at) FROM telemetry_reading", java.sql.Timestamp.class);
            return t == null ? null : t.toInstant();
        } catch (DataAccessException firstStartBeforeMigrations) {
            return null;
        }
    }

    /** The timestamp of the event appended last (Axon stamps events from this clock, as ISO-8601 text). */
    private static Instant newestEvent(JdbcTemplate jdbc) {
        try {
            return jdbc.query("SELECT time_stamp FROM domain_event_entry ORDER BY global_index DESC LIMIT 1",
                    (rs, i) -> Instant.parse(rs.getString(1))).stream().findFirst().orElse(null);
        } catch (DataAccessException firstStartBeforeMigrations) {
            return null;
        }
    }

    @Bean
    public InitializingBean axonUsesTheApplicationClock(InstantSource clock) {
        return () -> GenericEventMessage.clock = clock.withZone(ZoneOffset.UTC);
    }
}
