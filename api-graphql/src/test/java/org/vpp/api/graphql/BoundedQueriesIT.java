package org.vpp.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vpp.api.support.Fleet.battery;
import static org.vpp.api.support.Fleet.device;
import static org.vpp.api.support.Fleet.group;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vpp.api.support.ApiIT;
import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;

/**
 * Hostile queries are refused before they cost anything, each with an error naming the limit it hit (defaults of
 * vpp.api.* in application.yml), and the next ordinary query is answered as usual.
 */
class BoundedQueriesIT extends ApiIT {

    private GraphQl g;
    private String site;

    @BeforeEach
    void aSiteWithTwoBatteries() {
        g = graphQl();
        Fleet fleet = new Fleet(g);
        String p = id("p");
        site = id("site");
        fleet.registerOk(group(p, "PORTFOLIO", "P", null, null));
        fleet.registerOk(group(site, "SITE", "S", p, null));
        fleet.registerOk(device(id("bat-1"), "BATTERY", site, battery(-1, 1, 2, 0, 1, 0)));
        fleet.registerOk(device(id("bat-2"), "BATTERY", site, battery(-1, 1, 2, 0, 1, 0)));
    }

    @AfterEach
    void anOrdinaryQueryIsAnsweredRightAfter() {
        var answer = g.ok("{ asset(id: \"" + site + "\") { id children { id parent { id } } } }");
        assertThat(GraphQl.list(answer, "asset.children")).hasSize(2);
    }

    private GraphQl.Raw query(String document) {
        return g.post("{\"query\": \"" + document.replace("\"", "\\\"") + "\"}");
    }

    private static void refusedNaming(GraphQl.Raw answer, String limit) {
        assertThat(answer.errors()).singleElement().satisfies(e -> assertThat((String) e.get("message")).contains(limit));
        assertThat((Object) answer.body().get("data")).isNull();
    }

    /** asset { children { parent { children { parent ... } } } }, 15 rounds: depth 31. */
    static String deepChildrenParent(String id, int rounds) {
        return "{ asset(id: \"" + id + "\") { " + "children { parent { ".repeat(rounds) + "id" + " } }".repeat(rounds) + " } }";
    }

    @Test
    void theDeepChildrenParentQueryIsRefusedForItsDepth() {
        var answer = query(deepChildrenParent(site, 15));
        refusedNaming(answer, "vpp.api.max-depth");
        assertThat((String) answer.errors().getFirst().get("message")).contains("depth 32 is more than the maximum depth of 12");
    }

    @Test
    void aShallowQueryThatMultipliesListsIsRefusedForItsComplexity() {
        // depth 6, within the limit. Costs from the leaf up: id 1; inner children 1 + 20 x 1 = 21; outer children
        // 1 + 20 x 21 = 421; node 1 + 421 = 422; edges (paged by assets) 1 + 422 = 423; assets 1 + 1000 x 423 = 423001.
        var answer = query("{ assets(first: 1000) { edges { node { children { children { id } } } } } }");
        refusedNaming(answer, "vpp.api.max-complexity");
        assertThat((String) answer.errors().getFirst().get("message")).contains("complexity 423001 is more than the maximum of 50000");
    }

    @Test
    void aThousandAliasesOfFleetAreRefused() {
        StringBuilder document = new StringBuilder("{");
        for (int i = 0; i < 1000; i++) document.append(" f").append(i).append(": fleet { installed { deviceCount } }");
        var answer = query(document.append(" }").toString());
        refusedNaming(answer, "vpp.api.max-aliases");
        assertThat((String) answer.errors().getFirst().get("message")).contains("1000 aliases, more than the maximum of 50");
    }

    @Test
    void tooManyRootFieldsAreRefusedEvenWithoutAliases() {
        var answer = query("{" + " fleet { installed { deviceCount } }".repeat(21) + " }");
        refusedNaming(answer, "vpp.api.max-root-fields");
        assertThat((String) answer.errors().getFirst().get("message")).contains("21 root fields, more than the maximum of 20");
    }

    @Test
    void aTwentyMegabyteVariableIsRefusedBeforeItIsParsed() {
        String twentyMegabytes = "x".repeat(20 * 1024 * 1024);
        var answer = g.post("{\"query\": \"query($id: ID!) { asset(id: $id) { id } }\", \"variables\": {\"id\": \"" + twentyMegabytes + "\"}}");
        assertThat(answer.status()).isEqualTo(413);
        refusedNaming(answer, "vpp.api.max-request-size");
        assertThat((String) answer.errors().getFirst().get("message")).contains("maximum request size of 1048576 bytes");
    }

    @Test
    void queriesWithinEveryLimitAreAnswered() {
        // depth 5; complexity: id 1, children 1 + 20 x 1 = 21, parent 22, children 1 + 20 x 22 = 441, asset 442.
        var answer = g.ok("{ asset(id: \"" + site + "\") { children { parent { children { id } } } } }");
        assertThat(GraphQl.list(answer, "asset.children")).hasSize(2);
        var aliases = g.ok("{ a: fleet(rootId: \"" + site + "\") { installed { deviceCount } } b: assets(first: 100) { totalCount } }");
        assertThat((Integer) GraphQl.value(aliases, "a.installed.deviceCount")).isEqualTo(2);
    }
}
