package org.vpp.api.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.vpp.api.VppApplication;
import org.vpp.api.support.GraphQl;
import org.vpp.api.support.TestDatabase;

/**
 * The main job as {@code ./vpp run} starts it: demo world on an accelerated clock, forecasting on. Within its first
 * simulated day the demo fleet is registered, reports telemetry, and its PV, wind and load sources have a selected
 * model and forecasts, visible through GraphQL (the fleet's meter history comes along at registration).
 */
class MainRunIT {

    private static Clock axonClockBefore;

    @BeforeAll
    static void rememberAxonClock() {
        axonClockBefore = GenericEventMessage.clock;
    }

    @AfterAll
    static void restoreAxonClock() {
        GenericEventMessage.clock = axonClockBefore;
    }

    @Test
    void theDemoWorldHasForecastsOfItsDevicesWithinTheFirstSimulatedDay() throws InterruptedException {
        List<String> args = new ArrayList<>(TestDatabase.applicationArguments());
        args.addAll(List.of("--server.port=0", "--vpp.simulation.devices=20", "--vpp.simulation.seed=7",
                "--vpp.forecast.search-budget=PT1S"));
        try (var app = new SpringApplicationBuilder(VppApplication.class).run(args.toArray(String[]::new))) {
            GraphQl g = new GraphQl(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            Instant registered = Instant.parse(GraphQl.value(g.ok("{ asset(id: \"portfolio\") { registeredAt } }"), "asset.registeredAt"));

            Map<String, Object> forecast = null;
            String source = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (forecast == null && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                List<Map<String, Object>> sources = GraphQl.list(g.ok("{ forecastSources { id kind } }"), "forecastSources");
                for (Map<String, Object> s : sources) {
                    if ("PRICE".equals(s.get("kind"))) continue;
                    Map<String, Object> f = GraphQl.value(g.ok("{ forecast(sourceId: \"" + s.get("id") + "\") { issuedAt model values { start value } } }"), "forecast");
                    if (f != null) {
                        forecast = f;
                        source = (String) s.get("id");
                        break;
                    }
                }
            }
            assertThat(forecast).as("a device forecast within two real minutes").isNotNull();
            assertThat((List<?>) forecast.get("values")).hasSize(96);
            assertThat(Duration.between(registered, Instant.parse((String) forecast.get("issuedAt"))))
                    .as("issued within the first simulated day").isLessThan(Duration.ofDays(1));

            List<Map<String, Object>> selections = GraphQl.list(
                    g.ok("{ forecastModels(sourceId: \"" + source + "\") { model candidates { model mase } } }"), "forecastModels");
            assertThat(selections).isNotEmpty();
            assertThat((List<?>) selections.getFirst().get("candidates")).hasSizeGreaterThan(1);

            Map<String, Object> fleet = GraphQl.value(g.ok("{ fleet(rootId: \"portfolio\") { installed { deviceCount devicesWithoutTelemetry } } }"), "fleet");
            assertThat((Map<String, Object>) fleet.get("installed")).containsEntry("deviceCount", 20).containsEntry("devicesWithoutTelemetry", 0);
        }
    }
}
