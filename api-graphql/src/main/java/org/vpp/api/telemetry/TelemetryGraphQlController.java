package org.vpp.api.telemetry;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.vpp.api.bidding.BiddingProperties;
import org.vpp.api.graphql.UserError;
import org.vpp.api.security.Callers;
import org.vpp.messages.common.RejectionCode;
import org.vpp.query.telemetry.IngestResult;
import org.vpp.query.telemetry.ReadingInput;
import org.vpp.simulator.csv.CsvFormat;
import org.vpp.simulator.csv.CsvImport;
import org.vpp.simulator.csv.CsvImportException;
import org.vpp.simulator.csv.CsvTimeSeriesImporter;
import org.vpp.kernel.TimeSeries;
import org.vpp.simulator.series.Unit;

@Controller
public class TelemetryGraphQlController {

    /** The units a meter's file may be written in. */
    private static final Map<String, Unit> POWER_UNITS = Map.of("MW", Unit.MW, "KW", Unit.KW, "W", Unit.W);
    /** The longest gap an import may bridge. */
    private static final Duration MAX_FILL_LIMIT = Duration.ofDays(1);

    private final TelemetryIngestion ingestion;
    private final ZoneId marketZone;

    public TelemetryGraphQlController(TelemetryIngestion ingestion, BiddingProperties bidding) {
        this.ingestion = ingestion;
        this.marketZone = bidding.timeZone();
    }

    public record TelemetryReadingInput(String assetId, Instant at, Double powerMw, Double soc, Boolean available) {
    }

    public record IngestTelemetryInput(List<TelemetryReadingInput> readings) {
    }

    public record IngestTelemetryPayload(long received, long stored, List<UserError> errors) {
    }

    public record ImportTelemetryCsvInput(String assetId, String csv, String unit, String separator, Boolean decimalComma,
                                          String localZone, String maxFill, Boolean consumptionPositive) {
    }

    public record ImportTelemetryCsvPayload(long received, long stored, Instant from, Instant to, List<String> notes,
                                            List<UserError> errors) {

        static ImportTelemetryCsvPayload refused(List<UserError> errors) {
            return new ImportTelemetryCsvPayload(0, 0, null, null, List.of(), errors);
        }
    }

    @MutationMapping
    public IngestTelemetryPayload ingestTelemetry(@Argument IngestTelemetryInput input) {
        IngestResult result = ingestion.ingest(input.readings().stream()
                .map(r -> ReadingInput.of(r.assetId(), r.at(), r.powerMw(), r.soc(), r.available())).iterator(),
                Callers.current().orElseThrow());
        List<UserError> errors = result.problems().stream()
                .map(p -> new UserError("input.readings[" + p.index() + "]." + p.field(), code(p.message()), p.message()))
                .toList();
        return new IngestTelemetryPayload(result.received(), result.stored(), errors);
    }

    /**
     * A device's metered history from a CSV file's text: read by the same importer as the price and profile files,
     * then stored through the one ingestion path (same checks, same credential rule), all or nothing. Slots the importer
     * bridged are not measurements, so they are reported and left out.
     */
    @MutationMapping
    public ImportTelemetryCsvPayload importTelemetryCsv(@Argument ImportTelemetryCsvInput input) {
        List<UserError> errors = new ArrayList<>();
        CsvFormat format = format(input, errors);
        if (!errors.isEmpty()) return ImportTelemetryCsvPayload.refused(errors);
        CsvImport imported;
        try {
            imported = CsvTimeSeriesImporter.readString(input.csv(), format);
        } catch (CsvImportException e) {
            return ImportTelemetryCsvPayload.refused(e.problems().stream()
                    .map(p -> new UserError("input.csv", RejectionCode.INVALID_VALUE, p.toString())).toList());
        }
        TimeSeries series = imported.series();
        double sign = Boolean.TRUE.equals(input.consumptionPositive()) ? -1 : 1;
        List<Integer> measured = IntStream.range(0, series.size()).filter(i -> !imported.isFilled(i)).boxed().toList();
        IngestResult result = ingestion.ingest(measured.stream()
                .map(i -> ReadingInput.of(input.assetId(), series.timeAt(i), sign * series.valueAt(i), null, true)).iterator(),
                Callers.current().orElseThrow());
        if (!result.accepted()) {
            return ImportTelemetryCsvPayload.refused(result.problems().stream().map(p -> {
                String field = "assetId".equals(p.field()) ? "input.assetId" : "input.csv";
                String at = p.index() < measured.size() ? "the reading at " + series.timeAt(measured.get((int) p.index())) + ": " : "";
                return new UserError(field, code(p.message()), field.equals("input.csv") ? at + p.message() : p.message());
            }).distinct().toList());
        }
        List<String> notes = new ArrayList<>(imported.notes().stream().map(Object::toString).toList());
        if (imported.filledCount() > 0) {
            notes.add(imported.filledCount() + " bridged slot(s) not stored: telemetry keeps only measured values");
        }
        return new ImportTelemetryCsvPayload(result.received(), result.stored(),
                measured.isEmpty() ? null : series.timeAt(measured.getFirst()),
                measured.isEmpty() ? null : series.timeAt(measured.getLast()), notes, List.of());
    }

    private CsvFormat format(ImportTelemetryCsvInput input, List<UserError> errors) {
        if (input.assetId() == null || input.assetId().isBlank()) {
            errors.add(new UserError("input.assetId", RejectionCode.INVALID_VALUE, "must not be blank"));
        }
        if (input.csv() == null || input.csv().isBlank()) {
            errors.add(new UserError("input.csv", RejectionCode.INVALID_VALUE, "the file is empty"));
        }
        String unitName = input.unit() == null ? "MW" : input.unit().trim().toUpperCase(java.util.Locale.ROOT);
        Unit unit = POWER_UNITS.get(unitName);
        if (unit == null) {
            errors.add(new UserError("input.unit", RejectionCode.INVALID_VALUE, "must be one of MW, KW or W"));
        }
        // a tab, typed or written as \t
        String separator = input.separator() == null ? "," : "\\t".equals(input.separator()) ? "\t" : input.separator();
        if (!List.of(",", ";", "\t", "|").contains(separator)) {
            errors.add(new UserError("input.separator", RejectionCode.INVALID_VALUE, "must be one of , ; | or a tab"));
        }
        boolean decimalComma = Boolean.TRUE.equals(input.decimalComma());
        if (decimalComma && ",".equals(separator)) {
            errors.add(new UserError("input.decimalComma", RejectionCode.INVALID_VALUE,
                    "a decimal comma needs a separator other than ','"));
        }
        ZoneId zone = marketZone;
        if (input.localZone() != null) {
            try {
                zone = ZoneId.of(input.localZone());
            } catch (DateTimeException e) {
                errors.add(new UserError("input.localZone", RejectionCode.INVALID_VALUE,
                        "is not a time zone (an IANA name such as Europe/Berlin)"));
            }
        }
        Duration maxFill = CsvFormat.DEFAULT_MAX_FILL;
        if (input.maxFill() != null) {
            try {
                maxFill = Duration.parse(input.maxFill());
                if (maxFill.isNegative() || maxFill.compareTo(MAX_FILL_LIMIT) > 0) {
                    errors.add(new UserError("input.maxFill", RejectionCode.INVALID_VALUE,
                            "must be between PT0S and " + MAX_FILL_LIMIT));
                }
            } catch (DateTimeParseException e) {
                errors.add(new UserError("input.maxFill", RejectionCode.INVALID_VALUE,
                        "is not an ISO-8601 duration such as PT1H"));
            }
        }
        if (!errors.isEmpty()) return null;
        return CsvFormat.of(unit).withSeparator(separator.charAt(0))
                .withLocalZone(zone).withDecimalComma(decimalComma).withMaxFill(maxFill);
    }

    private static RejectionCode code(String message) {
        if (message.startsWith("the credential of")) return RejectionCode.NOT_ALLOWED;
        return message.startsWith("no asset with id") ? RejectionCode.NOT_FOUND : RejectionCode.INVALID_VALUE;
    }
}
