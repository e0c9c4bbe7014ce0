package org.vpp.api.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.vpp.api.support.Fleet.device;
import static org.vpp.api.support.Fleet.group;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vpp.api.support.ApiIT;
import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;
import org.vpp.api.security.Role;

/** importTelemetryCsv: a meter's history from a real-looking file, stored all or nothing, each refusal naming its field. */
class ImportTelemetryCsvIT extends ApiIT {

    private static final String IMPORT = """
            mutation($input: ImportTelemetryCsvInput!) {
              importTelemetryCsv(input: $input) { received stored from to notes errors { field code message } }
            }""";

    private GraphQl g;
    private String load;

    @BeforeEach
    void aSiteWithALoad() {
        g = graphQl(Role.OPERATOR);
        Fleet fleet = new Fleet(graphQl());
        String p = id("p");
        String site = id("site");
        load = id("load");
        fleet.registerOk(group(p, "PORTFOLIO", "P", null, null));
        fleet.registerOk(group(site, "SITE", "S", p, null));
        fleet.registerOk(device(load, "LOAD", site, Fleet.power(-5, 0)));
    }

    private Map<String, Object> importCsv(GraphQl client, Map<String, Object> input) {
        return GraphQl.value(client.ok(IMPORT, vars("input", input)), "importTelemetryCsv");
    }

    private long readings() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM telemetry_reading WHERE asset_id = ?", Long.class, load);
        return n == null ? 0 : n;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Map<String, Object> payload) {
        return (List<Map<String, Object>>) payload.get("errors");
    }

    @Test
    void aLocalTimeKilowattFileAcrossTheAutumnClockChangeIsStoredInMwWithTheRightSign() {
        // A German load meter's export: ';' and decimal commas, kW consumption written positive, local time, the
        // repeated hour of 26 October 2025 written twice.
        String csv = """
                Zeit;Verbrauch
                2025-10-26 00:00;1200,5
                2025-10-26 01:00;1100,0
                2025-10-26 02:00;1000,0
                2025-10-26 02:00;950,0
                2025-10-26 03:00;900,0
                """;
        Map<String, Object> r = importCsv(g, vars("assetId", load, "csv", csv, "unit", "kW", "separator", ";",
                "decimalComma", true, "localZone", "Europe/Berlin", "consumptionPositive", true));
        assertThat(errors(r)).isEmpty();
        assertThat(r.get("received")).isEqualTo(5);
        assertThat(r.get("stored")).isEqualTo(5);
        assertThat(r.get("from")).isEqualTo("2025-10-25T22:00:00Z");
        assertThat(r.get("to")).isEqualTo("2025-10-26T02:00:00Z");
        assertThat(String.join("\n", (List<String>) r.get("notes"))).contains("clocks went back");
        List<Double> powers = jdbc.queryForList("SELECT power_mw FROM telemetry_reading WHERE asset_id = ? ORDER BY at",
                Double.class, load);
        assertThat(powers).hasSize(5);
        assertThat(powers.getFirst()).isCloseTo(-1.2005, within(1e-9));
        assertThat(powers.get(3)).isCloseTo(-0.95, within(1e-9));

        // The same file again stores nothing twice.
        Map<String, Object> again = importCsv(g, vars("assetId", load, "csv", csv, "unit", "KW", "separator", ";",
                "decimalComma", true, "consumptionPositive", true));
        assertThat(errors(again)).isEmpty();
        assertThat(again.get("stored")).isEqualTo(0);
        assertThat(readings()).isEqualTo(5);
    }

    @Test
    void aBridgedGapIsReportedAndNotStored() {
        String csv = "2025-03-01T00:00:00Z,-1.0\n2025-03-01T01:00:00Z,-1.1\n2025-03-01T03:00:00Z,-1.3\n";
        Map<String, Object> r = importCsv(g, vars("assetId", load, "csv", csv));
        assertThat(errors(r)).isEmpty();
        assertThat(r.get("stored")).isEqualTo(3);
        assertThat((List<String>) r.get("notes")).anyMatch(n -> n.contains("1 bridged slot(s) not stored"));
        assertThat(readings()).isEqualTo(3);
    }

    @Test
    void everyRefusalNamesItsFieldAndStoresNothing() {
        String good = "2025-03-01T00:00:00Z,-1.0\n2025-03-01T01:00:00Z,-1.1\n";
        assertRefused(vars("assetId", load, "csv", "2025-03-01T00:00:00Z,-1.0\n2025-03-01T01:00:00Z,abc\n"),
                "input.csv", "line 2");
        assertRefused(vars("assetId", load, "csv", "2025-03-01T00:00:00Z,-1.0\n2025-03-01T01:00:00Z,-1\u0007\n"),
                "input.csv", "control character U+0007");
        assertRefused(vars("assetId", load, "csv", "0000-01-01T00:00:00Z,-1.0\n0000-01-01T01:00:00Z,-1.0\n"),
                "input.csv", "must be after 2000-01-01T00:00:00Z");
        assertRefused(vars("assetId", load, "csv", "2025-03-01T00:00:00Z,-1.0\n2025-03-01T01:00:00Z,-1e300\n"),
                "input.csv", "2025-03-01T01:00:00Z");
        assertRefused(vars("assetId", load, "csv", "   "), "input.csv", "empty");
        assertRefused(vars("assetId", load, "csv", good, "unit", "GW"), "input.unit", "MW");
        assertRefused(vars("assetId", load, "csv", good, "separator", "x"), "input.separator", "tab");
        assertRefused(vars("assetId", load, "csv", good, "decimalComma", true), "input.decimalComma", "separator");
        assertRefused(vars("assetId", load, "csv", good, "localZone", "Mars/Olympus"), "input.localZone", "time zone");
        assertRefused(vars("assetId", load, "csv", good, "maxFill", "P400D"), "input.maxFill", "PT0S");
        assertRefused(vars("assetId", load, "csv", good, "maxFill", "an hour"), "input.maxFill", "ISO-8601");
        assertRefused(vars("assetId", id("nobody"), "csv", good), "input.assetId", "no asset");
        assertThat(readings()).isZero();
    }

    @Test
    void onlyAnOperatorMayImport() {
        var refused = graphQl(Role.VIEWER).run(IMPORT, vars("input", vars("assetId", load,
                "csv", "2025-03-01T00:00:00Z,-1.0\n2025-03-01T01:00:00Z,-1.1\n")));
        assertThat(refused.getErrors()).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN"));
        assertThat(readings()).isZero();
    }

    private void assertRefused(Map<String, Object> input, String field, String mentions) {
        Map<String, Object> r = importCsv(g, input);
        assertThat(errors(r)).as("refusal of %s", input).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("field")).isEqualTo(field))
                .anySatisfy(e -> assertThat((String) e.get("message")).contains(mentions));
        assertThat(r.get("stored")).isEqualTo(0);
    }
}
