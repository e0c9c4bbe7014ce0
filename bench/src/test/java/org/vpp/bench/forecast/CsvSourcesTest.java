package org.vpp.bench.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpp.bench.Refusal;
import org.vpp.forecast.value.SourceKind;

/** The forecast benchmark's command line: CSV options before the files, refusals as one line each. */
class CsvSourcesTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private List<String> refusal(String... args) {
        RuntimeException failure = catchRuntimeException(() -> CsvSources.fromArguments(List.of(args), out));
        return Refusal.lines(failure);
    }

    @Test
    void readsAGermanLocalTimeFileAsQuarterHoursAndPrintsWhatWasDone() throws IOException {
        Path file = Files.writeString(dir.resolve("prices.csv"),
                "Zeit;Preis\n2024-01-01 00:00;12,5\n2024-01-01 01:00;\n2024-01-01 02:00;14,5\n");
        List<BenchmarkSource> sources = CsvSources.fromArguments(List.of("--zone", "Europe/Berlin", "--separator", ";",
                "--decimal-comma", "--max-fill", "PT2H", "--step", "PT15M", "price:" + file), out);

        BenchmarkSource prices = sources.getFirst();
        assertThat(prices.source().kind()).isEqualTo(SourceKind.PRICE);
        assertThat(prices.source().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(prices.series().start()).isEqualTo(Instant.parse("2023-12-31T23:00:00Z"));
        assertThat(prices.series().step()).isEqualTo(Duration.ofMinutes(15));
        assertThat(prices.series().values()).containsExactly(12.5, 12.5, 12.5, 12.5, 13.5, 13.5, 13.5, 13.5,
                14.5, 14.5, 14.5, 14.5);
        assertThat(printed.toString(StandardCharsets.UTF_8).lines())
                .contains("prices.csv: resampled from PT1H to PT15M: EUR/MWh held over slots of PT15M")
                .anyMatch(line -> line.startsWith("prices.csv: line 4: filled 1 missing slot(s)"));
    }

    @Test
    void anUnknownOptionIsOneLineNamingIt() {
        assertThat(refusal("--zones", "Europe/Berlin", "x.csv")).containsExactly("vpp: unknown option --zones "
                + "(known: --zone, --separator, --decimal-comma, --max-fill, --step)");
        assertThat(Refusal.EXIT_STATUS).isEqualTo(2);
    }

    @Test
    void aBadValueIsOneLineNamingTheOption() {
        assertThat(refusal("--zone", "Europe/Berln", "x.csv")).singleElement().asString()
                .startsWith("vpp: --zone: unknown zone 'Europe/Berln'");
        assertThat(refusal("--max-fill", "two hours")).containsExactly(
                "vpp: --max-fill: 'two hours' is not a duration such as PT2H or PT15M");
        assertThat(refusal("--step")).containsExactly("vpp: --step needs a value");
        assertThat(refusal("--decimal-comma", "x.csv")).containsExactly(
                "vpp: --decimal-comma needs a --separator other than ','");
        assertThat(refusal("wnd:x.csv")).singleElement().asString().startsWith("vpp: unknown kind 'wnd' in 'wnd:x.csv'");
    }

    @Test
    void aRefusedFileIsOneLinePerProblem() throws IOException {
        Path file = Files.writeString(dir.resolve("load.csv"),
                "2024-03-04T09:00:00Z,1\n2024-03-04T10:00:00Z,2\n2024-03-04T15:00:00Z,3\n2024-03-04T16:00:00Z,x\n");
        assertThat(refusal(file.toString())).containsExactly(
                "vpp: " + file + ": line 3: gap of 4 h between 2024-03-04T10:00:00Z (line 2) and "
                        + "2024-03-04T15:00:00Z (line 3), above the 1 h that may be filled",
                "vpp: " + file + ": line 4, column 2: unparsable value 'x'");
        assertThat(refusal(dir.resolve("missing.csv").toString())).singleElement().asString()
                .startsWith("vpp: cannot read " + dir.resolve("missing.csv"));
    }
}
