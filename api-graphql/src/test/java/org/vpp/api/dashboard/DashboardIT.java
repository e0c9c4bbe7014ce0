package org.vpp.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vpp.api.security.Role;
import org.vpp.api.support.ApiIT;
import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;
import org.vpp.sagas.bidding.BiddingMarket;

/**
 * The dashboard in headless Chromium against the whole application: a person logs in with a token, sees the fleet
 * tree and a schedule chart drawn from a real bidding cycle, registers a battery through the form after a refusal
 * shown next to its field, and sees a change made elsewhere arrive through a subscription; a VIEWER sees no form.
 * Every view is photographed (target/dashboard-screenshots); the README's picture is the demo run's, taken by
 * {@code MainRunIT}.
 *
 * <p>The context is this class's own (a database of its own, so the pictures show only this fleet) and runs the
 * bidding cycle's saga, so the schedule is the optimizer's, reached through {@code startBiddingCycle}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DashboardIT extends ApiIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @DynamicPropertySource
    static void theRealBiddingCycle(DynamicPropertyRegistry registry) {
        registry.add("vpp.bidding.cycle-saga", () -> "true");
    }

    @Autowired
    BiddingMarket market;

    private String portfolio;
    private String brandenburg;
    private String saxony;
    private String potsdam;
    private String cottbus;
    private String leipzig;
    private String potsdamBattery;
    private LocalDate deliveryDay;
    private String bidId;

    @BeforeAll
    void aFleetWithMeterHistoryAndABidWithItsSchedule() {
        portfolio = id("pf");
        brandenburg = id("brandenburg");
        saxony = id("saxony");
        potsdam = id("potsdam");
        cottbus = id("cottbus");
        leipzig = id("leipzig");
        potsdamBattery = id("bat-potsdam");
        Fleet operator = new Fleet(graphQl(Role.OPERATOR));
        operator.registerOk(Fleet.group(portfolio, "PORTFOLIO", "East portfolio", null, null));
        operator.registerOk(Fleet.group(brandenburg, "REGION", "Brandenburg", portfolio, null));
        operator.registerOk(Fleet.group(saxony, "REGION", "Saxony", portfolio, null));
        operator.registerOk(Fleet.group(potsdam, "SITE", "Potsdam storage", brandenburg, 8.0));
        operator.registerOk(Fleet.group(cottbus, "SITE", "Cottbus wind park", brandenburg, 12.0));
        operator.registerOk(Fleet.group(leipzig, "SITE", "Leipzig works", saxony, 6.0));
        operator.registerOk(device(potsdamBattery, "BATTERY", "Potsdam battery", potsdam, 52.39, 13.06, Fleet.battery(-4, 4, 8, 0.05, 0.95, 0.1)));
        operator.registerOk(device(id("pv-potsdam"), "PV", "Potsdam rooftop PV", potsdam, 52.40, 13.10, Fleet.power(0, 3)));
        operator.registerOk(device(id("wind-cottbus-1"), "WIND", "Cottbus turbine 1", cottbus, 51.76, 14.33, Fleet.power(0, 4.2)));
        operator.registerOk(device(id("wind-cottbus-2"), "WIND", "Cottbus turbine 2", cottbus, 51.78, 14.36, Fleet.power(0, 4.2)));
        operator.registerOk(device(id("bat-cottbus"), "BATTERY", "Cottbus battery", cottbus, 51.75, 14.30, Fleet.battery(-2, 2, 4, 0.05, 0.95, 0.1)));
        operator.registerOk(device(id("load-leipzig"), "LOAD", "Leipzig plant load", leipzig, 51.34, 12.37, Fleet.power(-3, 0)));
        operator.registerOk(device(id("pv-leipzig"), "PV", "Leipzig PV", leipzig, 51.33, 12.40, Fleet.power(0, 2)));
        operator.registerOk(device(id("bat-leipzig"), "BATTERY", "Leipzig battery", leipzig, 51.35, 12.35, Fleet.battery(-1.5, 1.5, 3, 0.05, 0.95, 0.1)));
        meterHistory(operator);

        // The real cycle, as a trader starts it: the saga fetches the inputs, optimizes, drafts and submits.
        LocalDate day = market.firstOpenDay(clock.instant());
        deliveryDay = day;
        bidId = market.bidId(day).value();
        var started = graphQl(Role.TRADER).ok("mutation { startBiddingCycle(input: {deliveryDay: \"" + day
                + "\"}) { status errors { field message } } }");
        assertThat(GraphQl.list(started, "startBiddingCycle.errors")).isEmpty();
        eventually(() -> GraphQl.<String>value(graphQl(Role.VIEWER).ok("{ bid(id: \"" + bidId + "\") { status } }"), "bid.status"),
                "SUBMITTED"::equals, "the cycle of " + day + " submitted");
    }

    /** Two days of 15-minute readings, as meters bring them: a sunny June for PV, a breeze, a works' day, batteries at rest. */
    private void meterHistory(Fleet operator) {
        Instant now = clock.instant();
        // up to now: a device whose newest reading is older than vpp.telemetry.offline-after counts as OFFLINE
        Instant from = now.minus(Duration.ofDays(2));
        Map<String, List<Map<String, Object>>> readings = new LinkedHashMap<>();
        for (Instant t = from; !t.isAfter(now); t = t.plus(Duration.ofMinutes(15))) {
            double hour = t.atZone(BERLIN).getHour() + t.atZone(BERLIN).getMinute() / 60.0;
            double sun = Math.max(0, Math.sin(Math.PI * (hour - 5.5) / 16));
            double breeze = 0.5 + 0.35 * Math.sin(2 * Math.PI * Duration.between(from, t).toMinutes() / (60.0 * 31));
            double shift = hour >= 6 && hour < 22 ? 1 : 0.35;
            add(readings, id("pv-potsdam"), t, 2.6 * sun, null);
            add(readings, id("pv-leipzig"), t, 1.7 * sun, null);
            add(readings, id("wind-cottbus-1"), t, 4.2 * breeze, null);
            add(readings, id("wind-cottbus-2"), t, 4.0 * breeze * 0.9, null);
            add(readings, id("load-leipzig"), t, -2.4 * shift, null);
        }
        add(readings, potsdamBattery, now, 0.0, 0.55);
        add(readings, id("bat-cottbus"), now, 0.0, 0.4);
        add(readings, id("bat-leipzig"), now, 0.0, 0.7);
        for (var perDevice : readings.values()) {
            var answer = operator.ingest(perDevice);
            assertThat(GraphQl.list(answer, "ingestTelemetry.errors")).isEmpty();
        }
    }

    private static void add(Map<String, List<Map<String, Object>>> readings, String asset, Instant at, double powerMw, Double soc) {
        readings.computeIfAbsent(asset, a -> new ArrayList<>()).add(Fleet.reading(asset, at, Math.round(powerMw * 1000) / 1000.0, soc, true));
    }

    private static Map<String, Object> device(String id, String kind, String name, String parent, double latitude, double longitude,
                                              Map<String, Object> limits) {
        Map<String, Object> input = Fleet.device(id, kind, parent, limits);
        input.put("name", name);
        input.put("location", Map.of("latitude", latitude, "longitude", longitude));
        return input;
    }

    // --- the routes ---------------------------------------------------------------------------------------------------

    @Test
    void theDashboardsFilesNeedNoTokenAndEverythingElseStillDoes() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = get(http, "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("/dashboard/js/app.js");
        for (String file : List.of("/index.html", "/dashboard/js/app.js", "/dashboard/js/graphql.js", "/dashboard/dashboard.css",
                "/webjars/echarts/5.3.1/dist/echarts.esm.min.js")) {
            assertThat(get(http, file).statusCode()).as(file).isEqualTo(200);
        }
        // Only reading the files is open: the API, the actuator and any other path still want a token.
        for (String path : List.of("/graphql/schema", "/actuator/info", "/anything-else", "/dashboard-admin")) {
            assertThat(get(http, path).statusCode()).as(path).isEqualTo(401);
        }
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/index.html"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(401);
        HttpResponse<String> graphql = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ market { zone } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(graphql.statusCode()).isEqualTo(401);
    }

    @Test
    void theMarketQueryTellsTheDashboardTheZoneItShowsTimesInAndTheDaysItMayBid() {
        var answer = graphQl(Role.VIEWER).ok("{ market { zone timeZone slotMinutes now clockSpeed firstOpenDay lastOpenDay nextGateClosure } }");
        Map<String, Object> m = GraphQl.value(answer, "market");
        LocalDate first = market.firstOpenDay(clock.instant());
        assertThat(m).containsEntry("zone", "DE-LU").containsEntry("timeZone", "Europe/Berlin").containsEntry("slotMinutes", 15)
                .containsEntry("now", clock.instant().toString()).containsEntry("clockSpeed", 1.0)
                .containsEntry("firstOpenDay", first.toString()).containsEntry("lastOpenDay", first.plusDays(14).toString())
                // the day-ahead gate closes at noon, Berlin time, the day before delivery
                .containsEntry("nextGateClosure", first.minusDays(1).atTime(12, 0).atZone(BERLIN).toInstant().toString());
    }

    private HttpResponse<String> get(HttpClient http, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- a person at work ---------------------------------------------------------------------------------------------

    @Test
    void anAdminSeesTheFleetAndTheScheduleAndRegistersABatteryAfterARefusalShownNextToItsField() {
        try (DashboardPage page = new DashboardPage(port)) {
            page.open();
            WebElement login = page.visible(By.id("login"));
            assertThat(login.getText()).contains("data/admin-token").contains("issueApiToken");
            page.shot("01-login");
            page.logIn(token(Role.ADMIN));
            assertThat(page.driver.findElement(By.id("who")).getText()).contains("admin-" + run).contains("ADMIN");

            // The tree: portfolio, regions and sites open at once, devices a click further.
            page.visible(page.node(portfolio));
            page.visible(page.node(brandenburg));
            WebElement site = page.visible(page.node(potsdam));
            assertThat(site.getText()).contains("Potsdam storage").contains("ONLINE");
            page.openNode(potsdam);
            WebElement battery = page.visible(page.node(potsdamBattery));
            // 4 MW installed and available (ONLINE under ONLINE groups)
            assertThat(battery.getText()).contains("Potsdam battery").contains("4 / 4");
            page.until(d -> d.findElement(By.cssSelector(".kpis")).getText().contains("MW"), "the fleet's key figures");
            page.shot("02-fleet");

            // A battery with a negative energy capacity is refused, the reason next to that field, and nothing is registered.
            String newBattery = id("bat-potsdam-2");
            WebElement form = page.form("register-asset");
            DashboardPage.choose(form, "input.kind", "BATTERY");
            page.until(d -> !DashboardPage.control(form, "input.parentId").findElements(By.cssSelector("option[value='" + potsdam + "']")).isEmpty(),
                    "the sites offered as parents");
            DashboardPage.choose(form, "input.parentId", potsdam);
            DashboardPage.type(form, "input.id", newBattery);
            DashboardPage.type(form, "input.name", "Potsdam battery 2");
            DashboardPage.type(form, "input.limits.minPowerMw", "-2");
            DashboardPage.type(form, "input.limits.maxPowerMw", "2");
            DashboardPage.type(form, "input.limits.energyCapacityMwh", "-5");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(page.errorNextTo(form, "input.limits.energyCapacityMwh")).contains("must be greater than 0");
            assertThat(form.findElement(By.cssSelector("[data-field-for='input.limits.energyCapacityMwh']")).getAttribute("class")).contains("has-error");
            assertThat(form.getText()).contains("Refused: nothing was changed.");
            page.js("arguments[0].scrollIntoView({block: 'center'})", DashboardPage.control(form, "input.limits.energyCapacityMwh"));
            page.shot("03-field-error");
            assertThat(GraphQl.<Object>value(graphQl(Role.VIEWER).ok("{ asset(id: \"" + newBattery + "\") { id } }"), "asset")).isNull();

            // Corrected, it is registered and appears in the tree under its site.
            DashboardPage.type(form, "input.limits.energyCapacityMwh", "6");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            page.until(d -> "done".equals(form.getAttribute("data-state")), "the registration done");
            assertThat(form.getText()).contains("Registered Potsdam battery 2");
            assertThat(form.findElement(By.cssSelector("[data-error-for='input.limits.energyCapacityMwh']")).getText()).isEmpty();
            assertThat(GraphQl.<String>value(graphQl(Role.VIEWER).ok("{ asset(id: \"" + newBattery + "\") { parentId } }"), "asset.parentId"))
                    .as("registered under the site chosen in the form").isEqualTo(potsdam);
            WebElement registered = page.visible(page.node(newBattery));
            assertThat(registered.getText()).contains("Potsdam battery 2").contains("ONLINE");
            page.until(d -> d.findElement(By.cssSelector(".asset-detail")).getAttribute("data-asset-id").equals(newBattery), "its details");
            page.js("window.scrollTo(0, 0)");
            page.until(d -> d.findElement(page.node(newBattery)).getText().contains("2 / 2"), "its capacity rolled up live");
            page.shot("04-registered");

            // The schedule of the submitted bid: each asset's planned power, stacked, and the price curve.
            page.view("schedule");
            WebElement chart = page.visible(By.cssSelector("#schedule-chart[data-rendered='true']"));
            // the eight devices registered before the cycle, each planned for every quarter-hour of the day (96 on 17 June)
            assertThat(Integer.parseInt(chart.getAttribute("data-points"))).as("planned values drawn")
                    .isEqualTo(8 * market.rules().slotStarts(deliveryDay).size());
            assertThat(chart.findElements(By.tagName("canvas"))).isNotEmpty();
            WebElement prices = page.visible(By.cssSelector("#price-chart[data-rendered='true']"));
            assertThat(Integer.parseInt(prices.getAttribute("data-points"))).as("prices drawn").isGreaterThan(0);
            assertThat(page.driver.findElement(By.id("content")).getText()).contains(bidId).contains("EUR");
            page.shot("05-schedule");

            assertThat(page.consoleErrors()).as("console errors").isEmpty();
        }
    }

    @Test
    void anAdminActsFromEveryViewAndEveryViewShowsItsDataOrSaysWhyNot() {
        try (DashboardPage page = new DashboardPage(port)) {
            page.open().logIn(token(Role.ADMIN));
            page.visible(page.node(potsdam));

            // A CSV series for a device, German style (semicolons, decimal commas, local times).
            WebElement csv = page.form("import-csv");
            DashboardPage.type(csv, "input.assetId", id("pv-leipzig"));
            DashboardPage.type(csv, "input.csv", "Zeit;MW\n14.06.2026 10:00;1,25\n14.06.2026 11:00;1,5\n14.06.2026 12:00;1,75\n14.06.2026 13:00;1,5\n");
            DashboardPage.choose(csv, "input.separator", ";");
            DashboardPage.control(csv, "input.decimalComma").click();
            csv.findElement(By.cssSelector("button[type=submit]")).click();
            page.until(d -> List.of("done", "refused", "failed").contains(csv.getAttribute("data-state")), "the import answered");
            assertThat(csv.getText()).as(csv.getText()).contains("Stored 4 of 4 readings");

            // Sites, forecasts: data, or a state that says why there is none.
            for (String view : List.of("sites", "forecasts")) {
                settled(page, view);
                page.shot("06-" + view);
            }

            // The bidding cycle of a day that already has one is refused, the reason next to the day.
            settled(page, "bids");
            page.visible(By.cssSelector("#bid-chart[data-rendered='true']"));
            assertThat(page.driver.findElement(By.id("content")).getText()).contains(bidId).contains("SUBMITTED");
            WebElement start = page.form("start-bidding-cycle");
            start.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(page.errorNextTo(start, "input.deliveryDay")).contains("already exists");
            page.shot("06-bids");

            // A manual dispatch asked for through the form, followed, then cancelled through the form.
            settled(page, "dispatch");
            WebElement request = page.form("request-dispatch");
            page.until(d -> !DashboardPage.control(request, "input.nodeId").findElements(By.cssSelector("option[value='" + potsdam + "']")).isEmpty(),
                    "the groups offered");
            DashboardPage.choose(request, "input.nodeId", potsdam);
            DashboardPage.type(request, "input.powerMw", "1.5");
            DashboardPage.type(request, "input.reason", "grid operator's call");
            request.findElement(By.cssSelector("button[type=submit]")).click();
            page.until(d -> "done".equals(request.getAttribute("data-state")), "the dispatch requested: " + request.getText());
            assertThat(request.getText()).contains("1.5 MW of 1.5 MW allocated");
            WebElement chart = page.visible(By.cssSelector("#dispatch-chart[data-rendered='true']"));
            assertThat(Integer.parseInt(chart.getAttribute("data-points"))).as("target slots drawn").isGreaterThanOrEqualTo(4);
            page.shot("06-dispatch");
            WebElement cancel = page.form("cancel-dispatch");
            DashboardPage.type(cancel, "input.reason", "call withdrawn");
            cancel.findElement(By.cssSelector("button[type=submit]")).click();
            page.until(d -> d.findElement(By.id("content")).getText().contains("call withdrawn"), "the cancellation shown");

            for (String view : List.of("money", "alerts")) {
                settled(page, view);
                page.shot("06-" + view);
            }
            assertThat(page.consoleErrors()).as("console errors").isEmpty();
        }
    }

    /** Opens a view and waits until it has loaded: no view may fail. */
    private static void settled(DashboardPage page, String view) {
        page.view(view);
        page.until(d -> d.findElements(By.cssSelector("#content [data-state='loading']")).isEmpty(), view + " loaded");
        assertThat(page.driver.findElements(By.cssSelector("#content [data-state='error']")))
                .as(view + ": " + page.driver.findElement(By.id("content")).getText()).isEmpty();
    }

    @Test
    void aStatusChangedThroughGraphQlArrivesInTheTreeWithoutAReload() {
        try (DashboardPage page = new DashboardPage(port)) {
            page.open().logIn(token(Role.VIEWER));
            page.openNode(potsdam);
            page.until(d -> "ONLINE".equals(d.findElement(page.node(potsdamBattery)).getAttribute("data-status")), "the battery online");
            page.js("window.stillTheSamePage = true");

            var changed = graphQl(Role.OPERATOR).ok("mutation { changeAssetStatus(input: {id: \"" + potsdamBattery
                    + "\", status: MAINTENANCE, reason: \"inverter check\"}) { status errors { field message } } }");
            assertThat(GraphQl.list(changed, "changeAssetStatus.errors")).isEmpty();

            page.until(d -> "MAINTENANCE".equals(d.findElement(page.node(potsdamBattery)).getAttribute("data-status")), "the status pushed to the tree");
            WebElement row = page.driver.findElement(page.node(potsdamBattery));
            assertThat(row.getText()).contains("MAINTENANCE").contains("0 / 4");
            assertThat(page.js("return window.stillTheSamePage")).as("no reload").isEqualTo(true);
            page.shot("07-live-status");

            graphQl(Role.OPERATOR).ok("mutation { changeAssetStatus(input: {id: \"" + potsdamBattery + "\", status: ONLINE}) { status } }");
            page.until(d -> "ONLINE".equals(d.findElement(page.node(potsdamBattery)).getAttribute("data-status")), "back online, pushed again");
            assertThat(page.consoleErrors()).as("console errors").isEmpty();
        }
    }

    @Test
    void aViewerSeesEveryViewAndNoForm() {
        try (DashboardPage page = new DashboardPage(port)) {
            page.open().logIn(token(Role.VIEWER));
            page.visible(page.node(potsdam));
            assertThat(page.driver.findElements(By.tagName("form"))).as("forms on the fleet view").isEmpty();
            for (String view : List.of("sites", "forecasts", "schedule", "bids", "dispatch", "money", "alerts")) {
                page.view(view);
                page.until(d -> d.findElements(By.cssSelector("#content [data-state='loading']")).isEmpty(), view + " loaded");
                assertThat(page.driver.findElements(By.tagName("form"))).as("forms on the " + view + " view").isEmpty();
            }
            page.view("fleet");
            page.visible(page.node(potsdam)).click();
            page.until(d -> d.findElement(By.cssSelector(".asset-detail")).getAttribute("data-asset-id").equals(potsdam), "the site's details");
            assertThat(page.driver.findElements(By.tagName("form"))).as("forms beside a selected node").isEmpty();
            page.shot("08-viewer");

            page.driver.findElement(By.id("logout")).click();
            page.visible(By.id("login"));
            assertThat(page.js("return sessionStorage.getItem('vpp.token')")).as("the token forgotten").isNull();
            assertThat(page.consoleErrors()).as("console errors").isEmpty();
        }
    }
}
