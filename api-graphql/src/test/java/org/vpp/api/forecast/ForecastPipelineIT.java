package org.vpp.api.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vpp.api.support.Fleet.device;
import static org.vpp.api.support.Fleet.group;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.vpp.api.support.ApiIT;
import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;
import org.vpp.messages.forecast.ForecastSourceId;
import org.vpp.sagas.forecast.ForecastProcess;
import org.vpp.sagas.forecast.ForecastRun.Status;
import org.vpp.sagas.forecast.ForecastRun;
import org.vpp.simulator.load.LoadGenerator;
import org.vpp.simulator.load.LoadProfile;
import org.vpp.simulator.load.LoadShape;
import org.vpp.simulator.pv.PvGenerator;
import org.vpp.simulator.pv.PvSystem;
import org.vpp.simulator.weather.WeatherGenerator;
import org.vpp.simulator.weather.WeatherSite;

/**
 * The forecasting pipeline in the running application: a PV plant and a load with 8 days of simulated telemetry
 * are trained and forecast, and everything is read back through GraphQL: the experiment log, the forecasts and,
 * once actuals arrive, their realised error.
 */
class ForecastPipelineIT extends ApiIT {

    private static final Duration STEP = Duration.ofMinutes(15);
    private static final int DAY = 96;
    private static final int HISTORY_DAYS = 8;
    private static final long SEED = 7;

    private static final String MODELS = """
            query($id: ID!) { forecastModels(sourceId: $id) {
              sourceId kind trainedAt horizonSteps step metric model parameters { name value } historyStart historyEnd
              validation { folds selectionFolds selectedMae selectedMase baselineModel baselineParameters { name value }
                           baselineMae baselineMase gainPercent tuningGainPercent }
              candidates { model parameters { name value } mae rmse mase folds window selected }
              skipped { model reason } } }""";
    private static final String FORECAST = """
            query($id: ID!, $at: DateTime) { forecast(sourceId: $id, issuedAt: $at) {
              id sourceId kind issuedAt origin step horizonSteps model parameters { name value }
              values { start value p10 p50 p90 actual } realisedMae actualSlots coverage cvMae } }""";
    private static final String EVALUATIONS = """
            query($id: ID!) { forecastEvaluations(sourceId: $id, last: 10) {
              forecastId issuedAt evaluatedAt model realisedMae actualSteps coverage cvMae } }""";

    @Autowired
    ForecastProcess scheduler;

    private GraphQl g;
    private String pv, load;
    private ForecastSourceId pvSource, loadSource;
    private double[] pvPower, loadPower;
    private Instant seriesStart;
    private int ingested;

    @BeforeEach
    void aSiteWithPvAndLoadAndEightDaysOfTelemetry() {
        g = graphQl();
        Fleet fleet = new Fleet(g);
        String p = id("fp"), site = id("fsite");
        pv = id("fpv");
        load = id("fload");
        fleet.registerOk(group(p, "PORTFOLIO", "P", null, null));
        fleet.registerOk(group(site, "SITE", "S", p, null));
        fleet.registerOk(device(pv, "PV", site, Fleet.power(0, 3)));
        fleet.registerOk(device(load, "LOAD", site, Fleet.power(-2, 0)));
        pvSource = ForecastSourceId.of("pv:" + pv);
        loadSource = ForecastSourceId.of("load:" + load);

        // Simulated series from 8 days before now to a day and a bit after, so the test can deliver actuals later.
        int count = HISTORY_DAYS * DAY + DAY + 8;
        seriesStart = clock.instant().minus(STEP.multipliedBy(HISTORY_DAYS * DAY - 1));
        var weather = WeatherGenerator.generate(WeatherSite.of(52.5, 13.4), seriesStart, STEP, count, SEED);
        pvPower = PvGenerator.availablePowerMw(weather, PvSystem.typical(3, 30, 180)).values();
        loadPower = LoadGenerator.demandMw(LoadProfile.of(2, LoadShape.COMMERCIAL, ZoneId.of("Europe/Berlin")),
                seriesStart, STEP, count, SEED, load).values();
        ingested = 0;
        ingestUpTo(clock.instant());
    }

    /** Sends every reading stamped at or before {@code until} that was not sent yet, as a meter would: NDJSON over HTTP. */
    private void ingestUpTo(Instant until) {
        StringBuilder body = new StringBuilder();
        while (ingested < pvPower.length && !seriesStart.plus(STEP.multipliedBy(ingested)).isAfter(until)) {
            Instant at = seriesStart.plus(STEP.multipliedBy(ingested));
            body.append(line(pv, at, pvPower[ingested])).append(line(load, at, loadPower[ingested]));
            ingested++;
        }
        var response = RestClient.builder().baseUrl("http://localhost:" + port).defaultHeaders(h -> h.setBearerAuth(token(org.vpp.api.security.Role.OPERATOR))).build().post().uri("/api/telemetry")
                .contentType(MediaType.parseMediaType("application/x-ndjson")).body(body.toString())
                .retrieve().toEntity(Map.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat((List<?>) response.getBody().get("errors")).isEmpty();
    }

    private static String line(String asset, Instant at, double powerMw) {
        return "{\"assetId\":\"" + asset + "\",\"at\":\"" + at + "\",\"powerMw\":" + powerMw + ",\"available\":true}\n";
    }

    private List<Map<String, Object>> models(ForecastSourceId source) {
        ClientGraphQlResponse r = g.run(MODELS, vars("id", source.value()));
        if (!r.getErrors().isEmpty()) return List.of(); // not projected yet: unknown until the first selection lands
        return GraphQl.list(r, "forecastModels");
    }

    private Map<String, Object> forecast(ForecastSourceId source, Instant issuedAt) {
        ClientGraphQlResponse r = g.run(FORECAST, vars("id", source.value(), "at", issuedAt == null ? null : issuedAt.toString()));
        if (r.getErrors().stream().anyMatch(e -> e.getMessage().contains("no forecast source"))) return null; // not projected yet
        if (!r.getErrors().isEmpty()) throw new AssertionError(r.getErrors().toString());
        return GraphQl.value(r, "forecast");
    }

    /** The clock as the pipeline records it: to the microsecond. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> values(Map<String, Object> forecast) {
        return (List<Map<String, Object>>) forecast.get("values");
    }

    @Test
    @SuppressWarnings("unchecked")
    void trainingRecordsEveryCandidateAndInferenceIssuesADayAheadThenActualsGiveTheRealisedError() {
        ForecastRun training = scheduler.trainNow();
        assertThat(training.of(pvSource).status()).as(training.of(pvSource).detail()).isEqualTo(Status.DONE);
        assertThat(training.of(loadSource).status()).as(training.of(loadSource).detail()).isEqualTo(Status.DONE);
        Instant firstIssue = now();
        ForecastRun inference = scheduler.inferNow();
        assertThat(inference.done()).contains(pvSource, loadSource);

        // The experiment log: the selection with every candidate's metrics, and those skipped with their reason.
        List<Map<String, Object>> log = eventually(() -> models(pvSource), l -> !l.isEmpty(), "pv model selection");
        Map<String, Object> selection = log.getFirst();
        assertThat(selection).containsEntry("kind", "PV").containsEntry("horizonSteps", 96).containsEntry("metric", "MASE")
                .containsEntry("step", "PT15M");
        List<Map<String, Object>> candidates = (List<Map<String, Object>>) selection.get("candidates");
        assertThat(candidates).hasSizeGreaterThan(5);
        // Eight days of history: two daily folds, the first tunes every candidate, the second (held back) selects.
        Map<String, Object> validation = (Map<String, Object>) selection.get("validation");
        assertThat(validation).containsEntry("folds", 2).containsEntry("selectionFolds", 1);
        assertThat((String) validation.get("baselineModel")).isEqualTo("seasonal-naive");
        assertThat(candidates).allSatisfy(c -> {
            assertThat(((Number) c.get("mae")).doubleValue()).isFinite().isNotNegative();
            assertThat(((Number) c.get("mase")).doubleValue()).isFinite();
            assertThat(c.get("folds")).isEqualTo(1);
            assertThat(c.get("window")).isIn("TUNING", "SELECTION");
        });
        assertThat(candidates).filteredOn(c -> "SELECTION".equals(c.get("window")))
                .extracting(c -> c.get("model")).contains("seasonal-naive", selection.get("model"));
        Map<String, Object> deciding = assertThat(candidates).filteredOn(c -> Boolean.TRUE.equals(c.get("selected")))
                .hasSize(1).first().actual();
        assertThat(deciding).containsEntry("model", selection.get("model")).containsEntry("window", "SELECTION");
        assertThat(((Number) validation.get("selectedMae")).doubleValue())
                .isEqualTo(((Number) deciding.get("mae")).doubleValue());
        assertThat(((Number) validation.get("selectedMase")).doubleValue())
                .isLessThanOrEqualTo(((Number) validation.get("baselineMase")).doubleValue());
        assertThat((List<Map<String, Object>>) selection.get("skipped")).extracting(s -> s.get("reason"))
                .anySatisfy(reason -> assertThat((String) reason).contains("history"));

        // The forecast: 96 quarter-hours from the end of the history, with the model that made it.
        Map<String, Object> forecast = eventually(() -> forecast(pvSource, firstIssue), f -> f != null, "pv forecast");
        assertThat(values(forecast)).hasSize(96);
        assertThat(forecast.get("model")).isEqualTo(selection.get("model"));
        assertThat((List<?>) forecast.get("parameters")).isNotEmpty().isEqualTo(selection.get("parameters"));
        assertThat(values(forecast).getFirst().get("start")).isEqualTo(forecast.get("origin"));
        assertThat(values(forecast)).allSatisfy(v -> assertThat(((Number) v.get("value")).doubleValue()).isNotNegative());
        // Its band: P10 <= P50 <= P90 in every slot, never below zero for generation.
        assertThat(values(forecast)).allSatisfy(v -> {
            double p10 = ((Number) v.get("p10")).doubleValue();
            double p50 = ((Number) v.get("p50")).doubleValue();
            double p90 = ((Number) v.get("p90")).doubleValue();
            assertThat(p10).isNotNegative().isLessThanOrEqualTo(p50);
            assertThat(p50).isLessThanOrEqualTo(p90);
        });
        assertThat(((Number) forecast.get("cvMae")).doubleValue()).isEqualTo(((Number) validation.get("selectedMae")).doubleValue());
        // Only the slot in progress, whose first reading came with the clock's instant, has an actual so far.
        assertThat((Integer) forecast.get("actualSlots")).isLessThanOrEqualTo(1);
        Map<String, Object> loadForecast = eventually(() -> forecast(loadSource, firstIssue), f -> f != null, "load forecast");
        assertThat(values(loadForecast)).hasSize(96);

        // A simulated day, in four steps: actuals arrive, and the scheduler trains and forecasts on the clock.
        for (int step = 0; step < 4; step++) {
            clock.advance(Duration.ofHours(6));
            ingestUpTo(clock.instant());
            scheduler.runDue();
        }
        Instant dayLater = now();
        Map<String, Object> latest = eventually(() -> forecast(pvSource, null),
                f -> Instant.parse((String) f.get("issuedAt")).equals(dayLater), "a forecast issued a day later");
        assertThat(values(latest)).hasSize(96);
        assertThat(eventually(() -> models(pvSource), l -> l.size() >= 5, "a selection per training run")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(GraphQl.list(g.ok("{ forecastModels(sourceId: \"" + pvSource.value() + "\", last: 2) { trainedAt } }"), "forecastModels"))
                .hasSize(2);
        assertThat(g.run("{ forecastModels(sourceId: \"" + pvSource.value() + "\", last: 0) { trainedAt } }").getErrors().getFirst()
                .getMessage()).contains("last");

        // The first forecast, read back as of its issue instant, now has actuals for its whole day.
        Map<String, Object> first = forecast(pvSource, firstIssue);
        assertThat(Instant.parse((String) first.get("issuedAt"))).isEqualTo(firstIssue);
        assertThat((Integer) first.get("actualSlots")).isEqualTo(96);
        assertThat(((Number) first.get("realisedMae")).doubleValue()).isFinite().isNotNegative();
        assertThat(values(first)).allSatisfy(v -> assertThat(v.get("actual")).isNotNull());
        // The realised error is the mean absolute difference of forecast and actual, slot by slot (worked out here from
        // the values the API shows), and the forecast is far better than knowing nothing (forecasting zero).
        Map<String, Object> firstLoad = forecast(loadSource, firstIssue);
        double realised = ((Number) firstLoad.get("realisedMae")).doubleValue();
        double byHand = values(firstLoad).stream()
                .mapToDouble(v -> Math.abs(((Number) v.get("value")).doubleValue() - ((Number) v.get("actual")).doubleValue()))
                .average().orElseThrow();
        assertThat(realised).isCloseTo(byHand, org.assertj.core.api.Assertions.within(1e-9));
        double zeroForecast = values(firstLoad).stream()
                .mapToDouble(v -> Math.abs(((Number) v.get("actual")).doubleValue())).average().orElseThrow();
        assertThat(realised).as("realised MAE vs. a zero forecast's %s", zeroForecast).isLessThan(0.6 * zeroForecast);

        assertThat(first.get("coverage")).as("the band's coverage of a whole day's actuals").isNotNull();
        assertThat(((Number) first.get("coverage")).doubleValue()).isBetween(0.0, 1.0);

        // Once its horizon had passed, the scheduler scored the first forecast: realised error beside the CV promise.
        List<Map<String, Object>> evaluations = eventually(() -> GraphQl.list(g.run(EVALUATIONS,
                vars("id", loadSource.value())), "forecastEvaluations"), l -> !l.isEmpty(), "an evaluated load forecast");
        Map<String, Object> oldest = evaluations.getLast();
        assertThat(oldest.get("forecastId")).isEqualTo(firstLoad.get("id"));
        assertThat(oldest.get("actualSteps")).isEqualTo(96);
        assertThat(((Number) oldest.get("realisedMae")).doubleValue()).isCloseTo(realised, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(((Number) oldest.get("cvMae")).doubleValue()).isEqualTo(((Number) firstLoad.get("cvMae")).doubleValue());
        assertThat(((Number) oldest.get("coverage")).doubleValue()).isEqualTo(((Number) firstLoad.get("coverage")).doubleValue());

        var sources = GraphQl.list(g.ok("{ forecastSources { edges { node { id kind model forecasts lastIssuedAt cvMae realisedMae realisedCoverage evaluations } } } }"),
                "forecastSources.edges").stream().map(e -> (Map<String, Object>) e.get("node")).toList();
        // A page at a time, and by kind.
        var firstPage = g.ok("{ forecastSources(first: 1) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }");
        assertThat(GraphQl.<Integer>value(firstPage, "forecastSources.totalCount")).isEqualTo(sources.size());
        assertThat(GraphQl.<Boolean>value(firstPage, "forecastSources.pageInfo.hasNextPage")).isTrue();
        var next = g.ok("{ forecastSources(first: 1000, after: \"" + GraphQl.value(firstPage, "forecastSources.pageInfo.endCursor") + "\") { edges { node { id } } } }");
        assertThat(GraphQl.list(next, "forecastSources.edges")).hasSize(sources.size() - 1);
        var loads = g.ok("{ forecastSources(kind: LOAD) { edges { node { id kind } } } }");
        assertThat(GraphQl.list(loads, "forecastSources.edges")).extracting(e -> (Object) ((Map<?, ?>) e.get("node")).get("id")).contains(loadSource.value())
                .doesNotContain(pvSource.value());
        assertThat(sources).extracting(s -> s.get("id")).contains(pvSource.value(), loadSource.value(), "price:DE-LU");
        Map<String, Object> loadRow = sources.stream().filter(s -> s.get("id").equals(loadSource.value())).findFirst().orElseThrow();
        assertThat((Integer) loadRow.get("evaluations")).isGreaterThanOrEqualTo(1);
        assertThat(loadRow.get("realisedMae")).isNotNull();
        assertThat(loadRow.get("cvMae")).isNotNull();
    }

    @Test
    void aThirtyStepForecastIsIssuedWithTheModelValidatedForADay() {
        scheduler.trainNow();
        clock.advance(Duration.ofMinutes(5));
        var socket = org.vpp.api.support.GraphQlSocket.connect(port, token(org.vpp.api.security.Role.VIEWER));
        String onePv = socket.subscribe("subscription { forecastIssued(sourceId: \"" + pvSource.value() + "\") { sourceId issuedAt horizonSteps model } }");
        String every = socket.subscribe("subscription { forecastIssued { sourceId horizonSteps } }");
        ForecastRun run = scheduler.inferNow(30);
        assertThat(run.of(pvSource).status()).as(run.of(pvSource).detail()).isEqualTo(Status.DONE);
        Instant issued = now();
        // Subscribers hear of it as it is issued: of the one source, and among all.
        Map<String, Object> heard = socket.next(onePv, d -> d.get("forecastIssued") != null, "the PV forecast as it is issued");
        assertThat((Map<String, Object>) heard.get("forecastIssued")).containsEntry("horizonSteps", 30)
                .containsEntry("issuedAt", issued.toString());
        socket.next(every, d -> loadSource.value().equals(((Map<?, ?>) d.get("forecastIssued")).get("sourceId")), "the load forecast among all");
        socket.close();
        Map<String, Object> forecast = eventually(() -> forecast(pvSource, null),
                f -> f != null && Instant.parse((String) f.get("issuedAt")).equals(issued), "a 30-step forecast");
        assertThat(values(forecast)).hasSize(30);
        assertThat(forecast.get("horizonSteps")).isEqualTo(30);
    }

    @Test
    void unknownAndMalformedSourceIdsAreErrorsNamingTheArgument() {
        ClientGraphQlResponse unknown = g.run(FORECAST, vars("id", "pv:" + id("nothing"), "at", null));
        assertThat(unknown.getErrors()).singleElement().satisfies(e -> {
            assertThat(e.getExtensions()).containsEntry("field", "sourceId");
            assertThat(e.getMessage()).contains("no forecast source");
        });
        ClientGraphQlResponse malformed = g.run(MODELS, vars("id", "bogus"));
        assertThat(malformed.getErrors()).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("field", "sourceId"));
        ClientGraphQlResponse tooMany = g.run("{ forecastEvaluations(sourceId: \"price:DE-LU\", last: 100000) { realisedMae } }", Map.of());
        assertThat(tooMany.getErrors()).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("field", "last"));
    }
}
