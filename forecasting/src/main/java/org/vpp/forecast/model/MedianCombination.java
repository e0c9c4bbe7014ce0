package org.vpp.forecast.model;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vpp.kernel.TimeSeries;

/**
 * The median, step by step, of several models' forecasts. Combining forecasts is one of the most reliable ways
 * to a better one (Clemen 1989; the M4 competition's lesson, Makridakis et al. 2020), and the median rather than
 * the mean keeps one member's bad day from dragging the combination with it. Selection builds it from the best
 * few families in tuning, and it must then earn its place on the selection window like any other candidate.
 */
public record MedianCombination(List<ForecastModel> members) implements ForecastModel {

    public static final String NAME = "median-combination";
    /** Parameter keys of member {@code i} are prefixed {@code m<i>.}; {@code m<i>.model} holds its name. */
    static final String MEMBER = "m";

    public MedianCombination {
        members = List.copyOf(members);
        if (members.size() < 2) {
            throw new IllegalArgumentException("a combination needs at least two members, got " + members.size());
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("members", String.valueOf(members.size()));
        for (int i = 0; i < members.size(); i++) {
            String prefix = MEMBER + i + ".";
            parameters.put(prefix + "model", members.get(i).name());
            members.get(i).parameters().forEach((key, value) -> parameters.put(prefix + key, value));
        }
        return parameters;
    }

    /** The members' parameters as {@link #parameters()} wrote them: name and own parameters per member. */
    public static List<Map.Entry<String, Map<String, String>>> memberSpecs(Map<String, String> parameters) {
        int count = Integer.parseInt(parameters.getOrDefault("members", "0"));
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            String prefix = MEMBER + i + ".";
            Map<String, String> own = new LinkedHashMap<>();
            parameters.forEach((key, value) -> {
                if (key.startsWith(prefix) && !key.equals(prefix + "model")) own.put(key.substring(prefix.length()), value);
            });
            String model = parameters.get(prefix + "model");
            if (model == null) throw new IllegalArgumentException("parameter " + prefix + "model missing");
            return Map.entry(model, own);
        }).toList();
    }

    @Override
    public int complexity() {
        return 100 + members.stream().mapToInt(ForecastModel::complexity).sum();
    }

    @Override
    public int minimumHistory(Duration step) {
        return members.stream().mapToInt(member -> member.minimumHistory(step)).max().orElseThrow();
    }

    @Override
    public FittedModel fit(TimeSeries history) {
        return new Fitted(members, members.stream().map(member -> member.fit(history)).toList());
    }

    /**
     * The members' fits; advanced by advancing those that can and refitting the others on the later history, so
     * a combination with a tree member is as cheap to run again as the tree itself.
     */
    private record Fitted(List<ForecastModel> members, List<FittedModel> fitted) implements FittedModel {

        @Override
        public java.util.Optional<FittedModel> advancedTo(TimeSeries newer) {
            List<FittedModel> advanced = new java.util.ArrayList<>(fitted.size());
            boolean any = false;
            for (int m = 0; m < fitted.size(); m++) {
                java.util.Optional<FittedModel> reused = fitted.get(m).advancedTo(newer);
                any |= reused.isPresent();
                advanced.add(reused.isPresent() ? reused.get() : members.get(m).fit(newer));
            }
            return any ? java.util.Optional.of(new Fitted(members, advanced)) : java.util.Optional.empty();
        }

        @Override
        public double[] predict(int steps) {
            double[][] forecasts = fitted.stream().map(model -> model.predict(steps)).toArray(double[][]::new);
            double[] median = new double[steps];
            double[] column = new double[forecasts.length];
            for (int k = 0; k < steps; k++) {
                for (int m = 0; m < forecasts.length; m++) column[m] = forecasts[m][k];
                Arrays.sort(column);
                int mid = column.length / 2;
                median[k] = column.length % 2 == 1 ? column[mid] : (column[mid - 1] + column[mid]) / 2;
            }
            return median;
        }
    }
}
