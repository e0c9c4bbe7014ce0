package org.vpp.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpp.forecast.ModelSpecs;
import org.vpp.forecast.value.Horizon;
import org.vpp.forecast.value.Source;
import org.vpp.forecast.value.SourceKind;
import org.vpp.kernel.GeoLocation;

class CandidateModelsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Duration QUARTER_HOUR = Duration.ofMinutes(15);

    /** What a restart does: the model recorded by its name and parameters is the model trained. */
    @Test
    void everyCandidateOfEveryKindIsRebuiltFromWhatItRecords() {
        List<Source> sources = List.of(Source.pv(new GeoLocation(52.5, 13.4), BERLIN),
                Source.of(SourceKind.WIND, BERLIN), Source.of(SourceKind.LOAD, BERLIN),
                Source.of(SourceKind.PRICE, BERLIN));
        for (Source source : sources) {
            for (ForecastModel candidate : CandidateModels.forSource(source, QUARTER_HOUR,
                    Horizon.DAY_AHEAD_QUARTER_HOURS)) {
                assertThat(ModelSpecs.rebuild(source, candidate.name(), candidate.parameters()).model())
                        .as(candidate.label()).isEqualTo(candidate);
            }
        }
    }

    @Test
    void similarDaysAreOfferedForLoadOnly() {
        for (SourceKind kind : SourceKind.values()) {
            Source source = kind == SourceKind.PV ? Source.pv(new GeoLocation(52.5, 13.4), BERLIN)
                    : Source.of(kind, BERLIN);
            long similarDays = CandidateModels.forSource(source, QUARTER_HOUR, Horizon.DAY_AHEAD_QUARTER_HOURS).stream()
                    .filter(model -> model.name().equals(SimilarDays.NAME)).count();
            assertThat(similarDays).as(kind.name()).isEqualTo(kind == SourceKind.LOAD ? 4 : 0);
        }
    }
}
