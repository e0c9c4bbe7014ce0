package org.vpp.forecast;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import org.vpp.forecast.TrainedModelSpec;
import org.vpp.forecast.model.ForecastModel;
import org.vpp.forecast.model.GradientBoosting;
import org.vpp.forecast.model.HoltWinters;
import org.vpp.forecast.model.Lags;
import org.vpp.forecast.model.MedianCombination;
import org.vpp.forecast.model.LagRegression;
import org.vpp.forecast.model.Persistence;
import org.vpp.forecast.model.PhysicalBounds;
import org.vpp.forecast.model.SeasonalNaive;
import org.vpp.forecast.model.SimilarDays;
import org.vpp.forecast.validation.ResidualQuantiles;
import org.vpp.forecast.value.Season;
import org.vpp.forecast.value.Source;

/**
 * Turns a model as recorded in the experiment log (family name and hyperparameters) back into a model to forecast
 * with, wrapped in the same physical bounds training applied. The inverse of {@link ForecastModel#parameters()}.
 */
public final class ModelSpecs {

    private ModelSpecs() {
    }

    public static TrainedModelSpec rebuild(Source source, String name, Map<String, String> p) {
        return new TrainedModelSpec(source, PhysicalBounds.around(model(source, name, p), source));
    }

    /** The same, with the residual quantiles recorded beside the model. */
    public static TrainedModelSpec rebuild(Source source, String name, Map<String, String> p,
                                           Optional<ResidualQuantiles> quantiles) {
        return new TrainedModelSpec(source, PhysicalBounds.around(model(source, name, p), source), quantiles);
    }

    private static ForecastModel model(Source source, String name, Map<String, String> p) {
        return switch (name) {
            case SeasonalNaive.NAME -> new SeasonalNaive(Season.valueOf(p.get("season")));
            case Persistence.NAME -> new Persistence();
            case SimilarDays.NAME -> new SimilarDays((int) number(p, "days"),
                    SimilarDays.Pooling.valueOf(p.get("pooling")), SimilarDays.Level.valueOf(p.get("level")),
                    ZoneId.of(p.get("zone")));
            case HoltWinters.NAME -> new HoltWinters(number(p, "alpha"), number(p, "beta"), number(p, "gamma"),
                    number(p, "phi"), Season.valueOf(p.get("season")));
            case LagRegression.NAME -> new LagRegression(Lags.decode(p.get("lags")),
                    ZoneId.of(p.get("zone")),
                    Boolean.parseBoolean(p.get("clearSky")) ? source.site() : Optional.empty(),
                    number(p, "ridge"));
            case GradientBoosting.NAME -> new GradientBoosting(Lags.decode(p.get("lags")),
                    ZoneId.of(p.get("zone")),
                    Boolean.parseBoolean(p.get("clearSky")) ? source.site() : Optional.empty(),
                    Boolean.parseBoolean(p.get("weather")) ? source.weather() : Optional.empty(),
                    (int) number(p, "depth"), number(p, "learningRate"), (int) number(p, "rounds"));
            case MedianCombination.NAME -> new MedianCombination(MedianCombination.memberSpecs(p).stream()
                    .map(member -> model(source, member.getKey(), member.getValue())).toList());
            default -> throw new IllegalArgumentException("unknown model family " + name);
        };
    }

    private static double number(Map<String, String> parameters, String key) {
        String value = parameters.get(key);
        if (value == null) throw new IllegalArgumentException("parameter " + key + " missing");
        return Double.parseDouble(value);
    }
}
