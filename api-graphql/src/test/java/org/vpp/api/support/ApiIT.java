package org.vpp.api.support;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on a random port, on the real PostgreSQL (the machine's
 * when VPP_DATABASE_URL is set, else embedded), spoken to over HTTP. Background processes are off; tests that need them
 * step the clock and drive the processes themselves. The bidding cycle's saga is left out: tests here move a Bid by
 * its commands (BiddingCycleIT runs the saga, in an application of its own). Subclasses share one context; each test uses
 * ids of its own so tests do not see each other's assets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vpp.telemetry.check-every=PT1H",
        "vpp.telemetry.offline-after=PT5M",
        "vpp.forecast.enabled=false",
        "vpp.forecast.train-every=PT1H",
        "vpp.processes.enabled=false",
        "vpp.bidding.cycle-saga=false",
        "vpp.simulation.enabled=false"})
@Import(TestClock.Config.class)
public abstract class ApiIT {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected TestClock clock;

    protected final String run = UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    protected GraphQl graphQl() {
        return new GraphQl(port);
    }

    /** An id unique to this test instance. */
    protected String id(String name) {
        return name + "-" + run;
    }

    protected long eventCount() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        return n == null ? 0 : n;
    }

    /** Waits for an eventually consistent read to satisfy a condition (tracking projections run asynchronously). */
    protected static <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> done, String what) {
        return Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(read::get, done::test);
    }

    protected static Map<String, Object> vars(Object... keyValues) {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }
}
