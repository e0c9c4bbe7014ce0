package org.vpp.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vpp.api.support.Fleet.battery;
import static org.vpp.api.support.Fleet.device;
import static org.vpp.api.support.Fleet.group;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.vpp.api.support.ApiIT;
import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;

/** Bad input gets a clear error naming the field and the reason, and changes nothing. */
class RefusalsIT extends ApiIT {

    private Fleet fleet;
    private GraphQl g;
    private String p, region, site, sub, bat;

    @BeforeEach
    void aSmallTree() {
        g = graphQl();
        fleet = new Fleet(g);
        p = id("p");
        region = id("region");
        sub = id("sub");
        site = id("site");
        bat = id("bat");
        fleet.registerOk(group(p, "PORTFOLIO", "P", null, null));
        fleet.registerOk(group(region, "REGION", "R", p, null));
        fleet.registerOk(group(sub, "REGION", "Sub", region, null));
        fleet.registerOk(group(site, "SITE", "S", sub, 5.0));
        fleet.registerOk(device(bat, "BATTERY", site, battery(-1, 1, 2, 0, 1, 0)));
    }

    /** Runs a mutation expected to be refused and checks that neither the event store nor the read model moved. */
    private Map<String, Object> refused(String mutation, Map<String, Object> variables, String payload) {
        long events = eventCount();
        String before = snapshot();
        ClientGraphQlResponse response = variables == null ? g.run(mutation) : g.run(mutation, variables);
        assertThat(response.getErrors()).as("GraphQL errors").isEmpty();
        List<Map<String, Object>> errors = GraphQl.list(response, payload + ".errors");
        assertThat(errors).hasSize(1);
        assertThat(eventCount()).as("events recorded").isEqualTo(events);
        assertThat(snapshot()).as("read model").isEqualTo(before);
        return errors.getFirst();
    }

    private String snapshot() {
        return jdbc.queryForList("SELECT asset_id, parent_id, name, status, version, energy_capacity_mwh FROM asset_node ORDER BY asset_id").toString();
    }

    private Map<String, Object> register(Map<String, Object> input) {
        return refused(Fleet.REGISTER, Map.of("input", input), "registerAsset");
    }

    @Test
    void negativeCapacityIsRefused() {
        var error = register(device(id("bat-neg"), "BATTERY", site, battery(-1, 1, -2, 0, 1, 0)));
        assertThat(error).containsEntry("field", "input.limits.energyCapacityMwh").containsEntry("code", "INVALID_VALUE");
        assertThat((String) error.get("message")).contains("greater than 0");
    }

    @Test
    void incoherentLimitsAreRefused() {
        var input = device(id("bat-soc"), "BATTERY", site, battery(-1, 1, 2, 0.1, 0.8, 0.9));
        assertThat(register(input)).containsEntry("field", "input.limits.reserveSoc");
        var pv = device(id("pv-minmax"), "PV", site, Fleet.power(2, 1));
        assertThat(register(pv)).containsEntry("field", "input.limits.minPowerMw");
    }

    @Test
    void aNonFiniteNumberIsRefusedAndChangesNothing() {
        // JSON has no NaN; an overflowing literal is the way a non-finite number reaches the API.
        var error = refused("mutation { registerAsset(input: {id: \"" + id("inf") + "\", kind: PV, name: \"x\", parentId: \""
                + site + "\", location: {latitude: 1, longitude: 1}, limits: {minPowerMw: 0, maxPowerMw: 1e400}}) { errors { field code message } } }",
                null, "registerAsset");
        assertThat(error).containsEntry("field", "input.limits.maxPowerMw").containsEntry("code", "INVALID_VALUE");
        assertThat((String) error.get("message")).contains("finite");
    }

    @Test
    void anUnknownParentIsRefused() {
        assertThat(register(device(id("bat-x"), "BATTERY", "nowhere", battery(-1, 1, 2, 0, 1, 0))))
                .containsEntry("field", "input.parentId").containsEntry("code", "NOT_FOUND");
    }

    @Test
    void aDeviceAsParentIsRefused() {
        assertThat(register(device(id("bat-y"), "BATTERY", bat, battery(-1, 1, 2, 0, 1, 0))))
                .containsEntry("field", "input.parentId").containsEntry("code", "INVALID_PARENT");
    }

    @Test
    void aDuplicateIdIsRefused() {
        assertThat(register(device(bat, "BATTERY", site, battery(-1, 1, 2, 0, 1, 0))))
                .containsEntry("field", "input.id").containsEntry("code", "DUPLICATE");
    }

    @Test
    void aMalformedIdIsRefused() {
        assertThat(register(group("has spaces", "SITE", "S", sub, null)))
                .containsEntry("field", "input.id").containsEntry("code", "INVALID_VALUE");
    }

    @Test
    void aCycleIsRefused() {
        var error = refused("mutation { moveAsset(input: {id: \"" + region + "\", newParentId: \"" + sub + "\"}) { errors { field code message } } }",
                null, "moveAsset");
        assertThat(error).containsEntry("field", "input.newParentId").containsEntry("code", "CYCLE");
    }

    @Test
    void aSiteCannotMoveUnderADevice() {
        String otherSite = id("other-site");
        String otherBattery = id("other-bat");
        fleet.registerOk(group(otherSite, "SITE", "Other", region, null));
        fleet.registerOk(device(otherBattery, "BATTERY", otherSite, battery(-1, 1, 2, 0, 1, 0)));
        var error = refused("mutation { moveAsset(input: {id: \"" + site + "\", newParentId: \"" + otherBattery + "\"}) { errors { field code } } }",
                null, "moveAsset");
        assertThat(error).containsEntry("code", "INVALID_PARENT");
    }

    @Test
    void anUnknownAssetIdIsRefusedByEveryMutation() {
        for (String mutation : List.of(
                "renameAsset(input: {id: \"ghost\", name: \"x\"})",
                "moveAsset(input: {id: \"ghost\", newParentId: \"" + site + "\"})",
                "changeAssetStatus(input: {id: \"ghost\", status: FAULT})",
                "decommissionAsset(input: {id: \"ghost\"})",
                "updateAssetLimits(input: {id: \"ghost\", limits: {minPowerMw: 0, maxPowerMw: 1}})")) {
            String name = mutation.substring(0, mutation.indexOf('('));
            var error = refused("mutation { " + mutation + " { asset { id } errors { field code message } } }", null, name);
            assertThat(error).as(name).containsEntry("field", "input.id").containsEntry("code", "NOT_FOUND");
        }
    }

    @Test
    void malformedGraphQlIsRefusedWithItsLocation() {
        long events = eventCount();
        var syntax = g.run("mutation { registerAsset(input: {id: \"x\" kind: SITE { errors { field } } }");
        assertThat(syntax.getErrors()).isNotEmpty();
        assertThat(syntax.getErrors().getFirst().getLocations()).isNotEmpty();
        var badEnum = g.run("mutation { changeAssetStatus(input: {id: \"" + bat + "\", status: BROKEN}) { errors { field } } }");
        assertThat(badEnum.getErrors()).isNotEmpty();
        assertThat(badEnum.getErrors().getFirst().getMessage()).contains("BROKEN");
        var missingField = g.run("mutation { renameAsset(input: {id: \"" + bat + "\"}) { errors { field } } }");
        assertThat(missingField.getErrors().getFirst().getMessage()).contains("name");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aBadQueryArgumentNamesTheArgument() {
        var response = g.run("{ fleet(rootId: \"not valid!\") { installed { maxPowerMw } } }");
        assertThat(response.getErrors()).singleElement().satisfies(e -> {
            assertThat(e.getMessage()).startsWith("rootId:");
            assertThat(e.getExtensions()).containsEntry("field", "rootId");
        });
        assertThat((Object) GraphQl.value(g.ok("{ fleet(rootId: \"ghost\") { installed { maxPowerMw } } }"), "fleet")).isNull();
        var page = g.run("{ assets(first: 0) { totalCount } }");
        assertThat(page.getErrors().getFirst().getMessage()).startsWith("first:");
    }

    @Test
    void refusalsLeaveTheAssetAsItWas() {
        Map<String, Object> input = new HashMap<>(Map.of("id", bat, "limits", battery(-1, 1, -5, 0, 1, 0)));
        var response = g.run("mutation($input: UpdateAssetLimitsInput!) { updateAssetLimits(input: $input) { asset { limits { energyCapacityMwh } } errors { field } } }",
                Map.of("input", input));
        assertThat((Double) GraphQl.value(response, "updateAssetLimits.asset.limits.energyCapacityMwh")).isEqualTo(2.0);
        assertThat(GraphQl.list(response, "updateAssetLimits.errors")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("field", "input.limits.energyCapacityMwh"));
    }

    /** As JSON escapes, so that even the lone surrogate travels exactly as a hostile client would send it. */
    private static final List<String> UNPRINTABLE = List.of("\\u0000", "\\u001b", "\\u0085", "\\ud800");

    /** Sends {@code input} as raw JSON text in the variables, the way a client's JSON would carry it. */
    private void refusedRaw(String mutation, String inputType, String inputJson, String field, String codePoint) {
        long events = eventCount();
        String before = snapshot();
        String document = "mutation($input: " + inputType + "!) { " + mutation + "(input: $input) { status errors { field code message } } }";
        GraphQl.Raw answer = g.post("{\"query\": \"" + document.replace("\"", "\\\"") + "\", \"variables\": {\"input\": " + inputJson + "}}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.errors()).as("GraphQL errors").isEmpty();
        List<Map<String, Object>> errors = answer.data(mutation + ".errors");
        assertThat(errors).as(inputJson).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("field", field).containsEntry("code", "INVALID_VALUE");
            assertThat((String) e.get("message")).contains(codePoint);
        });
        assertThat((String) answer.data(mutation + ".status")).isEqualTo("REFUSED");
        assertThat(eventCount()).as("events recorded").isEqualTo(events);
        assertThat(snapshot()).as("read model").isEqualTo(before);
    }

    @Test
    void aNulAControlCharacterOrALoneSurrogateIsRefusedInEveryTextFieldNamingIt() {
        for (String bad : UNPRINTABLE) {
            String codePoint = "U+" + bad.substring(2).toUpperCase(java.util.Locale.ROOT);
            String text = "\"Bat" + bad + "tery\"";
            refusedRaw("registerAsset", "RegisterAssetInput", "{\"id\": \"" + id("bat-text") + "\", \"kind\": \"BATTERY\", \"name\": " + text
                    + ", \"parentId\": \"" + site + "\", \"limits\": {\"minPowerMw\": -1, \"maxPowerMw\": 1, \"energyCapacityMwh\": 2,"
                    + " \"chargeEfficiency\": 0.9, \"dischargeEfficiency\": 0.9}}", "input.name", codePoint);
            refusedRaw("renameAsset", "RenameAssetInput", "{\"id\": \"" + bat + "\", \"name\": " + text + "}", "input.name", codePoint);
            refusedRaw("changeAssetStatus", "ChangeAssetStatusInput", "{\"id\": \"" + bat + "\", \"status\": \"FAULT\", \"reason\": " + text + "}",
                    "input.reason", codePoint);
            refusedRaw("decommissionAsset", "DecommissionAssetInput", "{\"id\": \"" + bat + "\", \"reason\": " + text + "}",
                    "input.reason", codePoint);
        }
    }

    @Test
    void limitsOfPlusOrMinus1e308AreRefusedNamingTheField() {
        var huge = new HashMap<>(battery(-1, 1, 2, 0, 1, 0));
        huge.put("maxPowerMw", 1e308);
        var error = register(device(id("bat-huge"), "BATTERY", site, huge));
        assertThat(error).containsEntry("field", "input.limits.maxPowerMw").containsEntry("code", "INVALID_VALUE");
        assertThat((String) error.get("message")).contains("100000 MW");

        var hugeNegative = new HashMap<>(battery(-1, 1, 2, 0, 1, 0));
        hugeNegative.put("minPowerMw", -1e308);
        var update = refused("mutation($input: UpdateAssetLimitsInput!) { updateAssetLimits(input: $input) { errors { field code message } } }",
                Map.of("input", Map.of("id", bat, "limits", hugeNegative)), "updateAssetLimits");
        assertThat(update).containsEntry("field", "input.limits.minPowerMw");

        var hugeCapacity = new HashMap<>(battery(-1, 1, 2, 0, 1, 0));
        hugeCapacity.put("energyCapacityMwh", 1e308);
        assertThat(register(device(id("bat-huge-cap"), "BATTERY", site, hugeCapacity)))
                .containsEntry("field", "input.limits.energyCapacityMwh");
        assertThat(register(group(id("site-huge"), "SITE", "S", sub, -1e308)))
                .containsEntry("field", "input.limits.gridConnectionLimitMw");
    }
}
