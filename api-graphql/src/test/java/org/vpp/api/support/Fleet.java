package org.vpp.api.support;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.client.ClientGraphQlResponse;

/** GraphQL documents and calls shared by the integration tests. */
public final class Fleet {

    public static final String REGISTER = """
            mutation($input: RegisterAssetInput!) {
              registerAsset(input: $input) { asset { id kind name parentId status version } errors { field code message } }
            }""";

    public static final String FLEET = """
            query($root: ID) {
              fleet(rootId: $root) {
                root { id }
                installed { ...cap } available { ...cap }
                nodes { id parentId depth kind status installed { ...cap } available { ...cap } }
              }
            }
            fragment cap on Capacity { deviceCount maxPowerMw minPowerMw energyCapacityMwh storedEnergyMwh headroomMwh
              currentPowerMw upwardFlexMw downwardFlexMw devicesWithoutTelemetry }""";

    public static final String INGEST = """
            mutation($input: IngestTelemetryInput!) {
              ingestTelemetry(input: $input) { received stored errors { field code message } }
            }""";

    private final GraphQl graphQl;

    public Fleet(GraphQl graphQl) {
        this.graphQl = graphQl;
    }

    public ClientGraphQlResponse register(Map<String, Object> input) {
        return graphQl.run(REGISTER, Map.of("input", input));
    }

    /** Registers and fails the test on any refusal. */
    public void registerOk(Map<String, Object> input) {
        ClientGraphQlResponse r = register(input);
        List<Map<String, Object>> errors = GraphQl.list(r, "registerAsset.errors");
        if (!r.getErrors().isEmpty() || !errors.isEmpty()) {
            throw new AssertionError("registering " + input.get("id") + " failed: " + r.getErrors() + " " + errors);
        }
    }

    public Map<String, Object> fleet(String root) {
        ClientGraphQlResponse r = graphQl.run(FLEET, java.util.Collections.singletonMap("root", root));
        if (!r.getErrors().isEmpty()) throw new AssertionError(r.getErrors().toString());
        return GraphQl.value(r, "fleet");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> node(Map<String, Object> fleet, String id) {
        return ((List<Map<String, Object>>) fleet.get("nodes")).stream().filter(n -> id.equals(n.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + id + " in " + fleet));
    }

    @SuppressWarnings("unchecked")
    public static double cap(Map<String, Object> node, String which, String field) {
        return ((Number) ((Map<String, Object>) node.get(which)).get(field)).doubleValue();
    }

    public ClientGraphQlResponse ingest(List<Map<String, Object>> readings) {
        return graphQl.run(INGEST, Map.of("input", Map.of("readings", readings)));
    }

    public static Map<String, Object> group(String id, String kind, String name, String parent, Double gridLimit) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("id", id);
        m.put("kind", kind);
        m.put("name", name);
        if (parent != null) m.put("parentId", parent);
        if (gridLimit != null) m.put("limits", Map.of("gridConnectionLimitMw", gridLimit));
        return m;
    }

    public static Map<String, Object> device(String id, String kind, String parent, Map<String, Object> limits) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("id", id);
        m.put("kind", kind);
        m.put("name", kind + " " + id);
        m.put("parentId", parent);
        m.put("location", Map.of("latitude", 52.5, "longitude", 13.4));
        m.put("limits", limits);
        return m;
    }

    public static Map<String, Object> battery(double min, double max, double capacity, double minSoc, double maxSoc, double reserve) {
        return Map.of("minPowerMw", min, "maxPowerMw", max, "energyCapacityMwh", capacity, "chargeEfficiency", 0.95,
                "dischargeEfficiency", 0.95, "minSoc", minSoc, "maxSoc", maxSoc, "reserveSoc", reserve);
    }

    public static Map<String, Object> power(double min, double max) {
        return Map.of("minPowerMw", min, "maxPowerMw", max);
    }

    public static Map<String, Object> reading(String assetId, java.time.Instant at, double powerMw, Double soc, boolean available) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("assetId", assetId);
        m.put("at", at.toString());
        m.put("powerMw", powerMw);
        if (soc != null) m.put("soc", soc);
        m.put("available", available);
        return m;
    }

    /** The registerAsset input an operator would send for this spec: only what applies (null limits are left out). */
    public static Map<String, Object> registerInput(org.vpp.simulator.demo.AssetSpec spec) {
        Map<String, Object> input = new java.util.LinkedHashMap<>();
        input.put("id", spec.id());
        input.put("kind", spec.kind().name());
        input.put("name", spec.name());
        spec.parentId().ifPresent(p -> input.put("parentId", p));
        input.put("location", Map.of("latitude", spec.latitudeDeg(), "longitude", spec.longitudeDeg()));
        Map<String, Object> limits = new java.util.LinkedHashMap<>();
        for (var component : org.vpp.kernel.TechnicalLimits.class.getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(spec.limits());
                if (value != null) limits.put(component.getName(), value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        if (!limits.isEmpty()) input.put("limits", limits);
        return input;
    }

}
