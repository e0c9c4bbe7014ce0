package org.vpp.api.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vpp.api.security.Role;
import org.vpp.api.support.ApiIT;
import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;
import org.vpp.api.support.GraphQlSocket;
import org.vpp.messages.alert.AlertCleared;
import org.vpp.messages.alert.AlertId;
import org.vpp.messages.alert.AlertKind;
import org.vpp.messages.alert.AlertRaised;
import org.vpp.messages.alert.ClearAlert;
import org.vpp.messages.alert.RaiseAlert;
import org.vpp.sagas.alert.AlertWatch;

/**
 * The built-in alerts through the real entry points: an operator's FAULT raises an alert once (the watch looks twice),
 * a viewer's subscription sees it raised and cleared, the query lists it, and the event store holds exactly one raise
 * and one clear. And {@code /actuator/prometheus} lists the named metrics, for a person's token only.
 */
@SuppressWarnings("unchecked")
class AlertsAndMetricsIT extends ApiIT {

    @Autowired
    AlertWatch watch;
    @Autowired
    EventStore events;

    @Test
    void anAssetFaultIsRaisedOnceSeenLiveAndClearedWhenItEnds() {
        Fleet operator = new Fleet(graphQl(Role.OPERATOR));
        String battery = id("bat");
        operator.registerOk(Fleet.group(id("pf"), "PORTFOLIO", "Portfolio", null, null));
        operator.registerOk(Fleet.group(id("site"), "SITE", "Site", id("pf"), 5.0));
        operator.registerOk(Fleet.device(battery, "BATTERY", id("site"), Fleet.battery(-2, 2, 4, 0.1, 0.9, 0.1)));
        AlertId alert = AlertId.of(AlertKind.ASSET_FAULT, battery);
        GraphQl viewer = graphQl(Role.VIEWER);

        try (GraphQlSocket socket = GraphQlSocket.connect(port, token(Role.VIEWER))) {
            String live = socket.subscribe("subscription { alerts(kind: ASSET_FAULT) { id kind subject active occurrences message clearReason } }");
            graphQl(Role.OPERATOR).ok("mutation { changeAssetStatus(input: {id: \"" + battery + "\", status: FAULT, reason: \"inverter trip\"})"
                    + " { errors { field } } }");

            List<Object> sent = watch.check(clock.instant());
            assertThat(sent).filteredOn(RaiseAlert.class::isInstance).map(c -> ((RaiseAlert) c).alertId()).contains(alert);
            Map<String, Object> raised = socket.next(live, d -> alert.value().equals(field(d, "id")) && Boolean.TRUE.equals(field(d, "active")),
                    "the fault's alert raised");
            assertThat((String) field(raised, "message")).contains(battery, "FAULT", "inverter trip");
            assertThat(field(raised, "subject")).isEqualTo(battery);

            // Looked at again while the fault lasts: nothing more is raised.
            assertThat(watch.check(clock.instant())).noneMatch(c -> c instanceof RaiseAlert r && r.alertId().equals(alert));
            var active = GraphQl.list(viewer.ok("{ alerts(active: true, kind: ASSET_FAULT, first: 500) { edges { node { id occurrences } } } }"),
                    "alerts.edges");
            assertThat(active).extracting(e -> (Object) ((Map<?, ?>) e.get("node")).get("id")).contains(alert.value());

            graphQl(Role.OPERATOR).ok("mutation { changeAssetStatus(input: {id: \"" + battery + "\", status: ONLINE}) { errors { field } } }");
            assertThat(watch.check(clock.instant())).filteredOn(ClearAlert.class::isInstance)
                    .map(c -> ((ClearAlert) c).alertId()).contains(alert);
            Map<String, Object> cleared = socket.next(live, d -> alert.value().equals(field(d, "id")) && Boolean.FALSE.equals(field(d, "active")),
                    "the fault's alert cleared");
            assertThat((String) field(cleared, "clearReason")).contains(battery, "no longer in FAULT");
            assertThat(field(cleared, "occurrences")).isEqualTo(1);
        }
        var stored = events.readEvents(alert.value()).asStream().map(Message::getPayload).toList();
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0)).isInstanceOf(AlertRaised.class);
        assertThat(stored.get(1)).isInstanceOf(AlertCleared.class);
        var inactive = GraphQl.list(viewer.ok("{ alerts(active: false, first: 500) { edges { node { id active clearedAt } } } }"),
                "alerts.edges");
        assertThat(inactive).extracting(e -> (Object) ((Map<?, ?>) e.get("node")).get("id")).contains(alert.value());
        var bad = viewer.run("{ alerts(first: 0) { totalCount } }");
        assertThat(bad.getErrors()).singleElement().satisfies(e -> assertThat(e.getMessage()).contains("first"));
    }

    @SuppressWarnings("unchecked")
    private static Object field(Map<String, Object> data, String name) {
        return ((Map<String, Object>) data.get("alerts")).get(name);
    }

    @Test
    void prometheusListsTheNamedMetricsForAPersonsTokenOnly() throws Exception {
        String body = scrape(token(Role.VIEWER));
        for (String metric : List.of("vpp_cycle_step_duration_seconds_count{step=\"optimize\"", "vpp_solver_time_seconds_count",
                "vpp_solver_gap", "vpp_solver_score_soft", "vpp_forecast_error_mae_count{kind=\"pv\"", "vpp_processor_lag_events{processor=\"fleet\"",
                "vpp_telemetry_readings_total{result=\"stored\"", "vpp_dispatch_deviation_mw_count", "vpp_settlement_total_eur",
                "vpp_settlement_dispatches_total")) {
            assertThat(body).as(metric).contains(metric);
        }
        double before = storedReadings(body);
        Fleet operator = new Fleet(graphQl(Role.OPERATOR));
        String meter = id("meter");
        operator.registerOk(Fleet.group(id("mpf"), "PORTFOLIO", "Portfolio", null, null));
        operator.registerOk(Fleet.group(id("msite"), "SITE", "Site", id("mpf"), 5.0));
        operator.registerOk(Fleet.device(meter, "LOAD", id("msite"), Fleet.power(-1, 0)));
        graphQl(Role.OPERATOR).ok("mutation($input: IngestTelemetryInput!) { ingestTelemetry(input: $input) { stored } }",
                Map.of("input", Map.of("readings", List.of(Fleet.reading(meter, clock.instant().minusSeconds(60), -0.5, null, true),
                        Fleet.reading(meter, clock.instant(), -0.4, null, true)))));
        assertThat(storedReadings(scrape(token(Role.VIEWER)))).isGreaterThanOrEqualTo(before + 2);

        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://localhost:" + port + "/actuator/prometheus");
        assertThat(http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + deviceToken("probe-" + run, meter)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    @Test
    void healthNamesTheDatabaseTheProcessorsAndTheSolverToAnAdmin() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health")).header("Authorization", "Bearer " + token(Role.ADMIN)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> components = (Map<String, Object>) new tools.jackson.databind.json.JsonMapper().readValue(response.body(), Map.class)
                .get("components");
        assertThat(components).containsKeys("db", "processors", "solver");
        Map<String, Object> solver = (Map<String, Object>) components.get("solver");
        assertThat(solver).containsEntry("status", "UP");
        assertThat((List<String>) ((Map<String, Object>) solver.get("details")).get("solvers")).contains("HIGHS_LP", "SCIP");
        Map<String, Object> processors = (Map<String, Object>) ((Map<String, Object>) components.get("processors")).get("details");
        assertThat(processors).containsKeys("alerts", "fleet", "bids");
    }

    private String scrape(String token) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static double storedReadings(String body) {
        Matcher m = Pattern.compile("(?m)^vpp_telemetry_readings_total\\{[^}]*result=\"stored\"[^}]*} ([0-9.eE+-]+)$").matcher(body);
        assertThat(m.find()).as("the stored readings' counter").isTrue();
        return Double.parseDouble(m.group(1));
    }
}
