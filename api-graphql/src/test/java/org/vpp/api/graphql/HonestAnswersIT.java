package org.vpp.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vpp.api.support.Fleet.battery;
import static org.vpp.api.support.Fleet.device;
import static org.vpp.api.support.Fleet.group;

import java.time.Duration;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.vpp.api.support.ApiIT;
import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;

/**
 * A mutation never presents a stale asset as its success: when the read model has not shown the write within the
 * wait, the payload says PENDING with the write's version. The fleet projection is paused to make that happen
 * deterministically; the short wait only keeps the test quick.
 */
@TestPropertySource(properties = "vpp.api.read-your-writes-timeout=PT0.2S")
class HonestAnswersIT extends ApiIT {

    private static final String RENAME = """
            mutation($id: ID!, $name: String!) {
              renameAsset(input: {id: $id, name: $name}) { status version asset { name version } errors { field } }
            }""";

    @Autowired
    EventProcessingConfiguration processing;

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

    @AfterEach
    void projectionRunsAgain() {
        fleetProjection().start();
    }

    private EventProcessor fleetProjection() {
        return processing.eventProcessor("fleet").orElseThrow();
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
    void aWriteTheReadModelHasNotShownYetIsPendingWithItsVersionNeverAStaleSuccess() {
        fleetProjection().shutDown();

        var answer = g.run(RENAME, vars("id", bat, "name", "Süd"));

        assertThat(answer.getErrors()).isEmpty();
        assertThat(GraphQl.list(answer, "renameAsset.errors")).isEmpty();
        assertThat((String) GraphQl.value(answer, "renameAsset.status")).isEqualTo("PENDING");
        assertThat((Integer) GraphQl.value(answer, "renameAsset.version")).isEqualTo(1);
        // The asset shown is the read model's, still before the write, and its version says so.
        assertThat((Integer) GraphQl.value(answer, "renameAsset.asset.version")).isEqualTo(0);
        assertThat((String) GraphQl.value(answer, "renameAsset.asset.name")).isEqualTo("BATTERY " + bat);

        fleetProjection().start();
        await().atMost(Duration.ofSeconds(30)).until(() -> name().equals("Süd"));
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
