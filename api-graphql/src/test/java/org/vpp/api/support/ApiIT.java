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
import org.vpp.api.security.ApiTokens;
import org.vpp.api.security.Role;

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
        "vpp.forecast.device-horizon-steps=96", // ForecastPipelineIT follows one day's forecasts to their actuals
        "vpp.processes.enabled=false",
        "vpp.bidding.cycle-saga=false",
        "vpp.simulation.enabled=false",
        "vpp.snapshots.every=" + ApiIT.SNAPSHOT_EVERY,
        "vpp.security.token-secret=" + ApiIT.TOKEN_SECRET})
@Import(TestClock.Config.class)
public abstract class ApiIT {

    /** The signing key of the tests' applications (at least 32 bytes). */
    public static final String TOKEN_SECRET = "tests-only-signing-key-0123456789abcdef";
    /** Small, so that the tests' assets are loaded from snapshots as well as from events. */
    public static final int SNAPSHOT_EVERY = 5;

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected TestClock clock;
    @Autowired
    protected ApiTokens tokens;

    protected final String run = UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    private final Map<Role, String> tokenByRole = new java.util.EnumMap<>(Role.class);

    /** A client with an ADMIN token of this test's own (its own rate limits, its own author name). */
    protected GraphQl graphQl() {
        return graphQl(Role.ADMIN);
    }

    /** A client with a token of this role, subject {@code <role>-<run>}. */
    protected GraphQl graphQl(Role role) {
        return new GraphQl(port, token(role));
    }

    protected String token(Role role) {
        return tokenByRole.computeIfAbsent(role, r -> tokens.issue(new ApiTokens.Request(r.name().toLowerCase(java.util.Locale.ROOT)
                + "-" + run, r, null, null), "tests").token());
    }

    /** A DEVICE token that may report for these assets. */
    protected String deviceToken(String subject, String... assetIds) {
        return tokens.issue(new ApiTokens.Request(subject, Role.DEVICE, null, java.util.List.of(assetIds)), "tests").token();
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
