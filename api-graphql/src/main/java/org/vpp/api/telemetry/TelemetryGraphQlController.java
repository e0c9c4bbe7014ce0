package org.vpp.api.telemetry;

import java.time.Instant;
import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.vpp.api.graphql.UserError;
import org.vpp.api.security.Callers;
import org.vpp.messages.common.RejectionCode;
import org.vpp.query.telemetry.IngestResult;
import org.vpp.query.telemetry.ReadingInput;

@Controller
public class TelemetryGraphQlController {

    private final TelemetryIngestion ingestion;

    public TelemetryGraphQlController(TelemetryIngestion ingestion) {
        this.ingestion = ingestion;
    }

    public record TelemetryReadingInput(String assetId, Instant at, Double powerMw, Double soc, Boolean available) {
    }

    public record IngestTelemetryInput(List<TelemetryReadingInput> readings) {
    }

    public record IngestTelemetryPayload(long received, long stored, List<UserError> errors) {
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

    private static RejectionCode code(String message) {
        if (message.startsWith("the credential of")) return RejectionCode.NOT_ALLOWED;
        return message.startsWith("no asset with id") ? RejectionCode.NOT_FOUND : RejectionCode.INVALID_VALUE;
    }
}
