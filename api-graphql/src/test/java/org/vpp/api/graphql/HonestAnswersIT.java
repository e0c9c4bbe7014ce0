package org.vpp.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vpp.api.support.Fleet.battery;
import static org.vpp.api.support.Fleet.device;
import static org.vpp.api.support.Fleet.group;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vpp.api.support.ApiIT;
import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;

/**
 * A mutation never presents a stale asset as its success: when the read model has not shown the write within the
 * wait, the payload says PENDING with the write's version. The fleet projection is held up deterministically by a
 * row lock on the asset's read-model row (reads are not blocked by it). The test runs in the shared context, so it
 * waits out the default vpp.api.read-your-writes-timeout (10 s): a context of its own with a shorter wait would
 * be paused between test classes, and Axon's pooled processors cannot be restarted after a pause.
 */
class HonestAnswersIT extends ApiIT {

    private static final String RENAME = """
            mutation($id: ID!, $name: String!) {
              renameAsset(input: {id: $id, name: $name}) { status version asset { name version } errors { field } }
            }""";

    @Autowired
    DataSource dataSource;

    private GraphQl g;
    private String bat;

    @BeforeEach
    void aBattery() {
        g = graphQl();
        Fleet fleet = new Fleet(g);
        String p = id("p");
        String site = id("site");
        bat = id("bat");
        fleet.registerOk(group(p, "PORTFOLIO", "P", null, null));
        fleet.registerOk(group(site, "SITE", "S", p, null));
        fleet.registerOk(device(bat, "BATTERY", site, battery(-1, 1, 2, 0, 1, 0)));
    }

    private String name() {
        return GraphQl.value(g.ok("{ asset(id: \"" + bat + "\") { name } }"), "asset.name");
    }

    @Test
    void aWriteTheReadModelShowsInTimeIsApplied() {
        var answer = g.run(RENAME, vars("id", bat, "name", "Nord"));

        assertThat((String) GraphQl.value(answer, "renameAsset.status")).isEqualTo("APPLIED");
        assertThat((Integer) GraphQl.value(answer, "renameAsset.version")).isEqualTo(1); // registered 0, renamed 1
        assertThat((String) GraphQl.value(answer, "renameAsset.asset.name")).isEqualTo("Nord");
        assertThat((Integer) GraphQl.value(answer, "renameAsset.asset.version")).isEqualTo(1);
    }

    @Test
    void aWriteTheReadModelHasNotShownYetIsPendingWithItsVersionNeverAStaleSuccess() throws SQLException {
        var answer = whileTheReadModelRowIsLocked(() -> {
            var pending = g.run(RENAME, vars("id", bat, "name", "Süd"));
            assertThat(name()).as("the read model while locked").isEqualTo("BATTERY " + bat);
            return pending;
        });

        assertThat(answer.getErrors()).isEmpty();
        assertThat(GraphQl.list(answer, "renameAsset.errors")).isEmpty();
        assertThat((String) GraphQl.value(answer, "renameAsset.status")).isEqualTo("PENDING");
        assertThat((Integer) GraphQl.value(answer, "renameAsset.version")).isEqualTo(1);
        // The asset shown is the read model's, still before the write, and its version says so.
        assertThat((Integer) GraphQl.value(answer, "renameAsset.asset.version")).isEqualTo(0);
        assertThat((String) GraphQl.value(answer, "renameAsset.asset.name")).isEqualTo("BATTERY " + bat);

        await().atMost(Duration.ofSeconds(30)).until(() -> name().equals("Süd"));
    }

    /** Holds the asset's read-model row locked, so that the fleet projection waits, while {@code during} runs. */
    private <T> T whileTheReadModelRowIsLocked(Supplier<T> during) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("SELECT 1 FROM asset_node WHERE asset_id = ? FOR UPDATE")) {
                lock.setString(1, bat);
                lock.executeQuery().close();
            }
            try {
                return during.get();
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void aRefusalSaysRefused() {
        var answer = g.run(RENAME, vars("id", bat, "name", " "));

        assertThat((String) GraphQl.value(answer, "renameAsset.status")).isEqualTo("REFUSED");
        assertThat((Integer) GraphQl.value(answer, "renameAsset.version")).isEqualTo(0);
        assertThat(GraphQl.list(answer, "renameAsset.errors")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("field", "input.name"));
    }
}
