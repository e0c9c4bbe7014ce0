package org.vpp.api.forecast;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.vpp.api.graphql.AssetConnection;
import org.vpp.api.graphql.BadArgumentException;
import org.vpp.api.graphql.Cursors;
import org.vpp.messages.forecast.CandidateMetrics;
import org.vpp.messages.forecast.CrossValidationSummary;
import org.vpp.messages.forecast.FindForecast;
import org.vpp.messages.forecast.FindForecastEvaluations;
import org.vpp.messages.forecast.ForecastEvaluationView;
import org.vpp.messages.forecast.FindForecastModels;
import org.vpp.messages.forecast.FindForecastSource;
import org.vpp.messages.forecast.FindForecastSources;
import org.vpp.messages.forecast.ForecastSourcePage;
import org.vpp.messages.forecast.ForecastSourceKind;
import org.vpp.messages.forecast.ForecastSourceId;
import org.vpp.messages.forecast.ForecastSourceView;
import org.vpp.messages.forecast.ForecastView;
import org.vpp.messages.forecast.ModelSelectionView;
import org.vpp.messages.forecast.SkippedModel;

/** Reads of the forecasting read models: GraphQL arguments to queries, views back to the schema's shapes. */
@Controller
public class ForecastQueryController {

    private final QueryGateway queries;

    public ForecastQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    public record ModelParameter(String name, String value) {
    }

    @QueryMapping
    public ForecastView forecast(@Argument String sourceId, @Argument Instant issuedAt) {
        ForecastSourceId id = sourceId(sourceId);
        Optional<ForecastView> found = Optional.ofNullable(queries.query(new FindForecast(id, issuedAt),
                ResponseTypes.instanceOf(ForecastView.class)).join());
        if (found.isEmpty()) requireKnown(id);
        return found.orElse(null);
    }

    @QueryMapping
    public List<ModelSelectionView> forecastModels(@Argument String sourceId, @Argument Integer last) {
        ForecastSourceId id = sourceId(sourceId);
        int limit = last == null ? 30 : last;
        if (limit < 1 || limit > FindForecastModels.MAX_LAST) {
            throw new BadArgumentException("last", "must be between 1 and " + FindForecastModels.MAX_LAST + ", got " + limit);
        }
        List<ModelSelectionView> log = queries.query(new FindForecastModels(id, limit),
                ResponseTypes.multipleInstancesOf(ModelSelectionView.class)).join();
        if (log.isEmpty()) requireKnown(id);
        return log;
    }

    @QueryMapping
    public List<ForecastEvaluationView> forecastEvaluations(@Argument String sourceId, @Argument Integer last) {
        ForecastSourceId id = sourceId(sourceId);
        int limit = last == null ? 30 : last;
        if (limit < 1 || limit > FindForecastEvaluations.MAX_LIMIT) {
            throw new BadArgumentException("last", "must be between 1 and " + FindForecastEvaluations.MAX_LIMIT
                    + ", was " + limit);
        }
        requireKnown(id);
        return queries.query(new FindForecastEvaluations(id, limit),
                ResponseTypes.multipleInstancesOf(ForecastEvaluationView.class)).join();
    }

    @SchemaMapping(typeName = "ForecastEvaluation", field = "forecastId")
    public String forecastId(ForecastEvaluationView evaluation) {
        return evaluation.forecastId().value();
    }

    @SchemaMapping(typeName = "CrossValidation", field = "baselineParameters")
    public List<ModelParameter> parameters(CrossValidationSummary validation) {
        return parameters(validation.baselineParameters());
    }

    /** Relay connection over a keyset page of sources; the cursor is the source id. */
    public record ForecastSourceConnection(List<Edge> edges, AssetConnection.PageInfo pageInfo, long totalCount) {
        public record Edge(String cursor, ForecastSourceView node) {
        }
    }

    @QueryMapping
    public ForecastSourceConnection forecastSources(@Argument ForecastSourceKind kind, @Argument Integer first, @Argument String after) {
        int size = first == null ? 100 : first;
        if (size < 1 || size > FindForecastSources.MAX_PAGE) {
            throw new BadArgumentException("first", "must be between 1 and " + FindForecastSources.MAX_PAGE + ", got " + size);
        }
        ForecastSourceId afterId = after == null ? null : ForecastSourceId.of(Cursors.decode("source", after, ForecastSourceId::isValid));
        ForecastSourcePage page = queries.query(new FindForecastSources(kind, size, afterId), ForecastSourcePage.class).join();
        List<ForecastSourceConnection.Edge> edges = page.items().stream()
                .map(v -> new ForecastSourceConnection.Edge(Cursors.encode("source", v.sourceId().value()), v)).toList();
        return new ForecastSourceConnection(edges, new AssetConnection.PageInfo(page.hasNextPage(), afterId != null,
                edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor()),
                page.totalCount());
    }

    @SchemaMapping(typeName = "Forecast", field = "id")
    public String forecastId(ForecastView forecast) {
        return forecast.forecastId().value();
    }

    @SchemaMapping(typeName = "Forecast", field = "parameters")
    public List<ModelParameter> parameters(ForecastView forecast) {
        return parameters(forecast.parameters());
    }

    @SchemaMapping(typeName = "ModelSelection", field = "parameters")
    public List<ModelParameter> parameters(ModelSelectionView selection) {
        return parameters(selection.parameters());
    }

    /** A candidate as the schema shows it: with its parameters as a list and whether it won. */
    public record CandidateRow(String model, List<ModelParameter> parameters, double mae, double rmse, double mase,
                               int folds, String window, boolean selected) {
    }

    /** The selected model's row is its deciding score: on the held-back folds, or its only row before those existed. */
    @SchemaMapping(typeName = "ModelSelection", field = "candidates")
    public List<CandidateRow> candidates(ModelSelectionView selection) {
        return selection.candidates().stream().map(c -> new CandidateRow(c.model(), parameters(c.parameters()), c.mae(),
                c.rmse(), c.mase(), c.folds(), c.window(), c.sameModelAs(selection.model(), selection.parameters())
                        && !CandidateMetrics.TUNING.equals(c.window()))).toList();
    }

    @SchemaMapping(typeName = "SkippedCandidate", field = "parameters")
    public List<ModelParameter> parameters(SkippedModel skipped) {
        return parameters(skipped.parameters());
    }

    @SchemaMapping(typeName = "ForecastSource", field = "id")
    public String sourceId(ForecastSourceView source) {
        return source.sourceId().value();
    }

    @SchemaMapping(typeName = "ForecastSource", field = "parameters")
    public List<ModelParameter> parameters(ForecastSourceView source) {
        return parameters(source.parameters());
    }

    private static List<ModelParameter> parameters(Map<String, String> parameters) {
        return new TreeMap<>(parameters).entrySet().stream().map(e -> new ModelParameter(e.getKey(), e.getValue())).toList();
    }

    private static ForecastSourceId sourceId(String raw) {
        if (!ForecastSourceId.isValid(raw)) {
            throw new BadArgumentException("sourceId", "must be pv:, wind:, load: or price: followed by an asset id or"
                    + " market zone (letters, digits, '.', '_', ':' or '-'), e.g. pv:roof-7 or price:DE-LU");
        }
        return ForecastSourceId.of(raw);
    }

    private void requireKnown(ForecastSourceId id) {
        boolean known = queries.query(new FindForecastSource(id),
                ResponseTypes.instanceOf(ForecastSourceView.class)).join() != null;
        if (!known) {
            throw new BadArgumentException("sourceId", "no forecast source " + id + " (unknown, or not trained yet)");
        }
    }
}
