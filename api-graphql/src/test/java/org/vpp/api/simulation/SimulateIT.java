package org.vpp.api.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpp.api.support.TestDatabase;

/**
 * {@code simulate} end to end on a small fleet: a whole delivery day is bid, cleared, dispatched and settled through
 * the real application, the report sets it against perfect foresight, and the same seed gives the same figures.
 * (The 100-device figures are in docs/benchmarks.md, "Simulate".)
 */
class SimulateIT {

    @Test
    void aDayIsBidDispatchedSettledAndReportedAndTheSameSeedGivesTheSameFigures(@TempDir Path dir) throws Exception {
        java.time.Clock axonClock = GenericEventMessage.clock;
        try {
            SimulationReport first = simulate(dir.resolve("first"));
            SimulationReport second = simulate(dir.resolve("second"));

            assertThat(first.perDay()).singleElement().satisfies(day -> {
                assertThat(day.status()).isEqualTo("settled");
                assertThat(day.accepted()).isTrue();
                assertThat(day.committedMwh()).isPositive();
                assertThat(day.deliveredMwh()).isPositive();
                assertThat(day.perfectForesightEur()).as("perfect foresight").isNotNull();
                assertThat(day.realisedValueEur()).as("no schedule beats perfect foresight")
                        .isLessThanOrEqualTo(day.perfectForesightEur() + 0.01);
                assertThat(day.forecastErrors()).containsKey("PRICE");
                assertThat(day.forecastErrors().get("PRICE").naiveMae()).isNotNull();
            });
            assertThat(first.events()).containsKeys("BidSubmitted", "DispatchSettled", "SlotDelivered");
            assertThat(second.figures()).as("the same seed, the same figures").isEqualTo(first.figures());
            assertThat(first.timings()).containsKeys("register", "history", "days", "report");

            for (String file : List.of("report.txt", "report.json", "report.html")) {
                assertThat(dir.resolve("first").resolve(file)).exists();
            }
            assertThat(Files.readString(dir.resolve("first/report.html"))).contains("<svg", "perfect foresight");
            assertThat(Files.readString(dir.resolve("first/report.json"))).contains("\"perfectForesightEur\"");
        } finally {
            GenericEventMessage.clock = axonClock;
        }
    }

    private static SimulationReport simulate(Path out) {
        List<String> args = new java.util.ArrayList<>(List.of("--days", "1", "--devices", "12", "--seed", "7",
                "--forecast", "naive", "--history-days", "5", "--out", out.toString()));
        if (TestDatabase.external()) args.addAll(List.of("--database-url", TestDatabase.freshExternalDatabase()));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        SimulationReport report = Simulate.run(SimulateOptions.parse(args), new PrintStream(progress, true, StandardCharsets.UTF_8), false);
        assertThat(progress.toString(StandardCharsets.UTF_8)).as("plain progress lines off a terminal").contains("simulate: ")
                .doesNotContain("\r");
        return report;
    }
}
