package org.vpp.api.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.vpp.api.VppApplication;
import org.vpp.api.dashboard.DashboardPage;
import org.vpp.api.support.GraphQl;
import org.vpp.api.support.TestClock;
import org.vpp.api.support.TestDatabase;

/**
 * The main job as {@code ./vpp run} starts it: demo world on an accelerated clock, forecasting on. Within its first
 * simulated day the demo fleet is registered, reports telemetry, and its PV, wind and load sources have a selected
 * model and forecasts, visible through GraphQL (the fleet's meter history comes along at registration). Once its first
 * bid has closed, the dashboard's schedule view of this run is photographed for the README (docs/img/dashboard.png).
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

    /** The first device source (not a price) with a forecast, or null while there is none. */
    private static Map.Entry<String, Map<String, Object>> firstDeviceForecast(GraphQl g) {
        for (Map<String, Object> s : GraphQl.list(g.ok("{ forecastSources { edges { node { id kind } } } }"), "forecastSources.edges").stream().map(e -> (Map<String, Object>) e.get("node")).toList()) {
            if ("PRICE".equals(s.get("kind"))) continue;
            Map<String, Object> f = GraphQl.value(g.ok("{ forecast(sourceId: \"" + s.get("id") + "\") { issuedAt model values { start value } } }"), "forecast");
            if (f != null) return Map.entry((String) s.get("id"), f);
        }
        return null;
    }

    @Test
    void theDemoWorldForecastsItsDevicesWithinTheFirstSimulatedDayAndBidsEveryDay() {
        List<String> args = new ArrayList<>(TestDatabase.applicationArguments());
        args.addAll(List.of("--server.port=0", "--vpp.simulation.devices=20", "--vpp.simulation.seed=7",
                "--vpp.forecast.search-budget=PT1S", "--vpp.simulation.start=" + TestClock.START));
        try (var app = new SpringApplicationBuilder(VppApplication.class).run(args.toArray(String[]::new))) {
            GraphQl g = GraphQl.asAdmin(app);
            Instant registered = Instant.parse(GraphQl.value(g.ok("{ asset(id: \"portfolio\") { registeredAt } }"), "asset.registeredAt"));

            // The demo world runs on its accelerated clock in the background: wait for the condition, not for time.
            Map.Entry<String, Map<String, Object>> found = Awaitility.await("a device forecast").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> firstDeviceForecast(g), java.util.Objects::nonNull);
            String source = found.getKey();
            Map<String, Object> forecast = found.getValue();
            assertThat((List<?>) forecast.get("values")).as("a device forecast reaches two days: vpp.forecast.device-horizon-steps")
                    .hasSize(192);
            assertThat(Duration.between(registered, Instant.parse((String) forecast.get("issuedAt"))))
                    .as("issued within the first simulated day").isLessThan(Duration.ofDays(1));

            // Forecasts are the forecasting process's own, in the events' metadata, whichever worker thread sent them.
            var jdbc = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT DISTINCT convert_from(meta_data, 'UTF8')::json->>'author' FROM domain_event_entry"
                    + " WHERE payload_type LIKE '%.ForecastIssued'", String.class)).containsExactly("process:forecasting");

            List<Map<String, Object>> selections = GraphQl.list(
                    g.ok("{ forecastModels(sourceId: \"" + source + "\") { model candidates { model mase } } }"), "forecastModels");
            assertThat(selections).isNotEmpty();
            assertThat((List<?>) selections.getFirst().get("candidates")).hasSizeGreaterThan(1);

            // PV and wind devices are forecast with the demo world's weather forecasts among the inputs: a model that
            // uses them is a candidate (tried, or waiting for the week of history it needs).
            String pv = GraphQl.list(g.ok("{ forecastSources { edges { node { id kind } } } }"), "forecastSources.edges").stream().map(e -> (Map<String, Object>) e.get("node")).toList().stream()
                    .filter(s -> "PV".equals(s.get("kind")) || "WIND".equals(s.get("kind")))
                    .map(s -> (String) s.get("id")).findFirst().orElseThrow();
            Map<String, Object> pvSelection = GraphQl.list(g.ok("{ forecastModels(sourceId: \"" + pv
                    + "\") { candidates { model parameters { name value } } skipped { model reason parameters { name value } } } }"),
                    "forecastModels").getFirst();
            List<Map<String, Object>> weatherModels = new ArrayList<>();
            for (String list : List.of("candidates", "skipped")) {
                for (Map<String, Object> c : (List<Map<String, Object>>) pvSelection.get(list)) {
                    if (((List<Map<String, Object>>) c.get("parameters")).stream()
                            .anyMatch(p -> "weather".equals(p.get("name")) && "true".equals(p.get("value")))) weatherModels.add(c);
                }
            }
            assertThat(weatherModels).as("weather models of " + pv).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.get("model")).isEqualTo("gradient-boosting"));

            Map<String, Object> fleet = GraphQl.value(g.ok("{ fleet(rootId: \"portfolio\") { installed { deviceCount devicesWithoutTelemetry } } }"), "fleet");
            assertThat((Map<String, Object>) fleet.get("installed")).containsEntry("deviceCount", 20).containsEntry("devicesWithoutTelemetry", 0);

            // The day-ahead cycle runs by itself: opened before gate closure, submitted in time, cleared, closed.
            List<Map<String, Object>> closed = Awaitility.await("a bidding cycle of the demo world closed")
                    .atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> GraphQl.list(g.ok("{ bids(status: CLOSED, first: 1) { edges { node { id submittedAt"
                            + " gateClosure outcome inputs { deviceCount priceForecast { model fallback } } schedule { score gapToBound } } } } }"), "bids.edges"),
                            edges -> !edges.isEmpty());
            Map<String, Object> bid = (Map<String, Object>) closed.getFirst().get("node");
            assertThat(Instant.parse((String) bid.get("submittedAt"))).isBefore(Instant.parse((String) bid.get("gateClosure")));
            assertThat(bid.get("outcome")).isNotNull();
            assertThat((Map<String, Object>) bid.get("inputs")).containsEntry("deviceCount", 20);
            // The price forecast issued by the forecaster, continued daily past its one-day horizon: not the fallback.
            Map<String, Object> price = (Map<String, Object>) ((Map<String, Object>) bid.get("inputs")).get("priceForecast");
            assertThat(price).containsEntry("fallback", false);
            assertThat((String) price.get("model")).contains("continued daily past its horizon");
            assertThat(((Map<String, Object>) bid.get("schedule")).get("score")).asString().startsWith("0hard/");

            // The README's picture is this run's dashboard: the schedule view of the demo world's bids, with its prices.
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            try (DashboardPage page = new DashboardPage(port)) {
                page.open().logIn(GraphQl.adminToken(app));
                page.visible(page.node("portfolio"));
                page.view("schedule");
                WebElement chart = page.visible(By.cssSelector("#schedule-chart[data-rendered='true']"));
                assertThat(Integer.parseInt(chart.getAttribute("data-points"))).as("planned values drawn: a day of quarter-hours for the assets planned").isGreaterThanOrEqualTo(96);
                WebElement prices = page.visible(By.cssSelector("#price-chart[data-rendered='true']"));
                assertThat(Integer.parseInt(prices.getAttribute("data-points"))).as("prices drawn").isGreaterThan(0);
                assertThat(page.consoleErrors()).as("console errors").isEmpty();
                DashboardPage.keepForTheReadme(page.shot("demo-schedule"));
            }
        }
    }
}
