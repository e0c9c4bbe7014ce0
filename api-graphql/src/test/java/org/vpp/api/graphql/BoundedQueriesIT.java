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
        g = graphQl(org.vpp.api.security.Role.OPERATOR); // the general bounds (an ADMIN's are wider)
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
        var answer = g.ok("{ asset(id: \"" + site + "\") { id children { edges { node { id parent { id } } } } } }");
        assertThat(GraphQl.list(answer, "asset.children.edges")).hasSize(2);
    }

    private GraphQl.Raw query(String document) {
        return g.post("{\"query\": \"" + document.replace("\"", "\\\"") + "\"}");
    }

    private static void refusedNaming(GraphQl.Raw answer, String limit) {
        assertThat(answer.errors()).singleElement().satisfies(e -> assertThat((String) e.get("message")).contains(limit));
        assertThat((Object) answer.body().get("data")).isNull();
    }

    /** asset { children { edges { node { parent { children ... } } } } }: four levels a round, so 15 rounds are depth 62. */
    static String deepChildrenParent(String id, int rounds) {
        return "{ asset(id: \"" + id + "\") { " + "children { edges { node { parent { ".repeat(rounds) + "id"
                + " } } } }".repeat(rounds) + " } }";
    }

    @Test
    void theDeepChildrenParentQueryIsRefusedForItsDepth() {
        var answer = query(deepChildrenParent(site, 15));
        refusedNaming(answer, "vpp.api.max-depth");
        assertThat((String) answer.errors().getFirst().get("message")).contains("depth 62 is more than the maximum depth of 12");
    }

    @Test
    void aShallowQueryThatMultipliesListsIsRefusedForItsComplexity() {
        // Depth 10, within the limit; children pages count by their page size (first, 50 by default), so from the leaf
        // up: id 1, node 2, edges 3, children 1 + 50 x 3 = 151, node 152, edges 153, children 1 + 50 x 153 = 7651,
        // node 7652, edges (paged by assets) 7653, assets 1 + 1000 x 7653 = 7653001.
        var answer = query("{ assets(first: 1000) { edges { node { children { edges { node { children { edges { node { id } } } } } } } } } }");
        refusedNaming(answer, "vpp.api.max-complexity");
        assertThat((String) answer.errors().getFirst().get("message")).contains("complexity 7653001 is more than the maximum of 50000");
    }

    @Test
    void depthAndComplexityAreBoundedPerRole() {
        // Complexity: id 1, node 2, edges 3, children (first 20) 61, node 62, edges 63, assets 1 + 1000 x 63 = 63001:
        // over the general 50,000, within an auditor's 200,000.
        String wide = "{ assets(first: 1000) { edges { node { children(first: 20) { edges { node { id } } } } } } }";
        refusedNaming(query(wide), "vpp.api.max-complexity");
        var auditor = graphQl(org.vpp.api.security.Role.AUDITOR).post("{\"query\": \"" + wide.replace("\"", "\\\"") + "\"}");
        assertThat(auditor.errors()).isEmpty();
        // A device's bound is 6: a depth-7 query is refused for its depth before anything runs.
        String device = deviceToken("meter-" + run, id("bat-1"));
        var deep = new GraphQl(port, device).post("{\"query\": \"{ asset(id: \\\"" + site + "\\\") { children { edges { node { parent { children { totalCount } } } } } } }\"}");
        refusedNaming(deep, "vpp.api.roles.DEVICE.max-depth");
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
        // depth 9; complexity: id 1, node 2, edges 3, children (first 10) 31, parent 32, node 33, edges 34,
        // children (first 10) 341, asset 342.
        var answer = g.ok("{ asset(id: \"" + site + "\") { children(first: 10) { edges { node { parent { children(first: 10) { edges { node { id } } } } } } } } }");
        assertThat(GraphQl.list(answer, "asset.children.edges")).hasSize(2);
        var aliases = g.ok("{ a: fleet(rootId: \"" + site + "\") { installed { deviceCount } } b: assets(first: 100) { totalCount } }");
        assertThat((Integer) GraphQl.value(aliases, "a.installed.deviceCount")).isEqualTo(2);
    }
}
