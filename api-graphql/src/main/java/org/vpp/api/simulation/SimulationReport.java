package org.vpp.api.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a {@code simulate} run made of its days, beside what perfect foresight would have made, in text, JSON and an
 * HTML page with charts. The figures (everything but {@code timings} and {@code totalSeconds}) depend only on the
 * options: the same seed gives the same figures.
 *
 * @param events events written, by type
 */
public record SimulationReport(int days, int devices, long seed, LocalDate firstDay, String forecast, String prices,
                               List<Day> perDay, Map<String, Long> events, Map<String, Double> timings,
                               double totalSeconds) {

    /**
     * One delivery day. Money in EUR, energy in MWh.
     *
     * @param realisedValueEur   revenue + imbalance - fuel - wear - stored energy used up: the cycle's own objective,
     *                           as it turned out
     * @param perfectForesightEur the same objective's optimum with the day's actual prices, generation and demand
     * @param ratio              realised / perfect foresight (null when perfect foresight made nothing)
     * @param forecastErrors     per source kind (PV, WIND, LOAD, PRICE): the bid's forecasts' MAE and seasonal naive's
     */
    public record Day(LocalDate day, String bidId, String status, boolean accepted, Double solverGap,
                      Double expectedRevenueEur, double revenueEur, double imbalanceEur, double fuelEur, double wearEur,
                      double storageUsedEur, double realisedValueEur, Double perfectForesightEur, String perfectForesightSolver,
                      Double ratio, double committedMwh, double deliveredMwh, double deviationMwh,
                      Map<String, ForecastError> forecastErrors, Map<String, Double> largestDeviations) {
    }

    /** Mean absolute error over the day's slots with actuals (MW; EUR/MWh for prices), and seasonal naive's. */
    public record ForecastError(String models, int points, double mae, Double naiveMae) {
    }

    static final class DayBuilder {
        final LocalDate day;
        final String bidId;
        String status = "no bid";
        boolean accepted;
        Double gap;
        Double expectedRevenueEur;
        double revenueEur;
        double imbalanceEur;
        double fuelEur;
        double wearEur;
        double storageUsedEur;
        Double perfectForesightEur;
        String perfectForesightSolver;
        double committedMwh;
        double deliveredMwh;
        double deviationMwh;
        private final Map<String, double[]> errors = new TreeMap<>();
        private final Map<String, Double> causes = new TreeMap<>();

        /**
         * A share of a slot's deviation (MWh), as the dispatch named it: summed per device over the day, and per cause
         * where the dispatch named no device (the plan could not cover the target; the devices below the listed ones).
         */
        void deviationCause(String assetId, String cause, double mwh) {
            causes.merge(deviationKey(assetId, cause), mwh, Double::sum);
        }
        private final Map<String, TreeSet<String>> models = new TreeMap<>();

        DayBuilder(LocalDate day, String bidId) {
            this.day = day;
            this.bidId = bidId;
        }

        /** One slot of one source: |forecast - actual| and |naive - actual| (NaN when naive had no value). */
        void forecastError(String kind, double error, double naiveError, String model) {
            double[] e = errors.computeIfAbsent(kind, k -> new double[4]);
            e[0] += error;
            e[1]++;
            if (!Double.isNaN(naiveError)) {
                e[2] += naiveError;
                e[3]++;
            }
            models.computeIfAbsent(kind, k -> new TreeSet<>()).add(model);
        }

        Day build() {
            double realised = revenueEur + imbalanceEur - fuelEur - wearEur - storageUsedEur;
            Map<String, ForecastError> f = new LinkedHashMap<>();
            errors.forEach((kind, e) -> f.put(kind, new ForecastError(String.join(", ", models.get(kind)), (int) e[1],
                    round(e[0] / e[1], 4), e[3] == 0 ? null : round(e[2] / e[3], 4))));
            Double ratio = perfectForesightEur == null || perfectForesightEur <= 1e-6 ? null : round(realised / perfectForesightEur, 4);
            return new Day(day, bidId, status, accepted, gap == null ? null : round(gap, 6),
                    expectedRevenueEur == null ? null : round(expectedRevenueEur, 2), round(revenueEur, 2), round(imbalanceEur, 2),
                    round(fuelEur, 2), round(wearEur, 2), round(storageUsedEur, 2), round(realised, 2),
                    perfectForesightEur == null ? null : round(perfectForesightEur, 2), perfectForesightSolver, ratio,
                    round(committedMwh, 3), round(deliveredMwh, 3), round(deviationMwh, 3), f, largest(causes, 5));
        }

        /**
         * What a deviation is summed under: the device, whose cause text changes from slot to slot ("delivered 0.01 MW
         * of a 2.80 MW setpoint"); without one, the cause, with the count of the devices below the listed ones left
         * out ("90 other devices" and "89 other devices" are one line).
         */
        static String deviationKey(String assetId, String cause) {
            if (assetId != null) return assetId;
            return cause.matches("\\d+ other devices?") ? "other devices (each below the listed ones)" : cause;
        }

        private static Map<String, Double> largest(Map<String, Double> causes, int n) {
            Map<String, Double> out = new LinkedHashMap<>();
            causes.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(n).forEach(e -> out.put(e.getKey(), round(e.getValue(), 3)));
            return out;
        }
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    SimulationReport withTimings(Map<String, Double> stepSeconds, double total) {
        Map<String, Double> rounded = new LinkedHashMap<>();
        stepSeconds.forEach((k, v) -> rounded.put(k, round(v, 1)));
        return new SimulationReport(days, devices, seed, firstDay, forecast, prices, perDay, events, rounded, round(total, 1));
    }

    /** The report without what depends on the machine (its timings): equal for equal options. */
    public SimulationReport figures() {
        return new SimulationReport(days, devices, seed, firstDay, forecast, prices, perDay, events, Map.of(), 0);
    }

    public double realisedValueEur() {
        return round(perDay.stream().mapToDouble(Day::realisedValueEur).sum(), 2);
    }

    public Double perfectForesightEur() {
        if (perDay.stream().anyMatch(d -> d.perfectForesightEur() == null)) return null;
        return round(perDay.stream().mapToDouble(Day::perfectForesightEur).sum(), 2);
    }

    /** Realised over perfect foresight, over all days. */
    public Double ratio() {
        Double pf = perfectForesightEur();
        return pf == null || pf <= 1e-6 ? null : round(realisedValueEur() / pf, 4);
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "VPP simulate: %d day(s) from %s, %d devices, seed %d, forecasts %s, prices %s%n",
                days, firstDay, devices, seed, forecast, prices));
        b.append(String.format(Locale.ROOT, "realised %.2f EUR | perfect foresight %s EUR | ratio %s%n", realisedValueEur(),
                perfectForesightEur() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", perfectForesightEur()),
                ratio() == null ? "n/a" : String.format(Locale.ROOT, "%.3f", ratio())));
        for (Day d : perDay) {
            b.append(String.format(Locale.ROOT, "%n%s (%s): %s%n", d.day(), d.bidId(), d.status()));
            b.append(String.format(Locale.ROOT, "  revenue %.2f, imbalance %.2f, fuel -%.2f, wear -%.2f, stored energy used -%.2f"
                    + " => realised %.2f EUR%n", d.revenueEur(), d.imbalanceEur(), d.fuelEur(), d.wearEur(), d.storageUsedEur(),
                    d.realisedValueEur()));
            b.append(String.format(Locale.ROOT, "  perfect foresight %s EUR (%s), ratio %s; the schedule expected %s EUR of revenue at forecast prices (before costs), solver gap %s%n",
                    d.perfectForesightEur() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", d.perfectForesightEur()),
                    d.perfectForesightSolver(), d.ratio() == null ? "n/a" : String.format(Locale.ROOT, "%.3f", d.ratio()),
                    d.expectedRevenueEur() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", d.expectedRevenueEur()),
                    d.solverGap() == null ? "n/a" : String.format(Locale.ROOT, "%.2f %%", 100 * d.solverGap())));
            b.append(String.format(Locale.ROOT, "  energy: committed %.3f MWh, delivered %.3f MWh, deviations %.3f MWh (%.1f %%)%n",
                    d.committedMwh(), d.deliveredMwh(), d.deviationMwh(),
                    d.committedMwh() <= 1e-9 ? 0 : 100 * d.deviationMwh() / d.committedMwh()));
            if (!d.largestDeviations().isEmpty()) {
                b.append("  largest deviations (MWh): ");
                d.largestDeviations().forEach((who, mwh) -> b.append(String.format(Locale.ROOT, "%s %.3f; ", who, mwh)));
                b.append(String.format("%n"));
            }
            d.forecastErrors().forEach((kind, e) -> b.append(String.format(Locale.ROOT,
                    "  forecast %-5s MAE %.4f vs seasonal naive %s over %d points (%s)%n", kind, e.mae(),
                    e.naiveMae() == null ? "n/a" : String.format(Locale.ROOT, "%.4f", e.naiveMae()), e.points(), e.models())));
        }
        b.append(String.format(Locale.ROOT, "%nevents written: %d%n", events.values().stream().mapToLong(Long::longValue).sum()));
        events.forEach((type, count) -> b.append(String.format(Locale.ROOT, "  %-60s %d%n", type, count)));
        if (!timings.isEmpty()) {
            b.append(String.format(Locale.ROOT, "%ntimings (wall, s): total %.1f%n", totalSeconds));
            timings.forEach((step, s) -> b.append(String.format(Locale.ROOT, "  %-40s %.1f%n", step, s)));
        }
        return b.toString();
    }

    public String json() {
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(this);
    }

    /** A page with the figures and three charts (inline SVG: it needs nothing but a browser). */
    public String html() {
        StringBuilder b = new StringBuilder("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>VPP simulate report</title>
                <style>body{font:14px system-ui,sans-serif;margin:2em;color:#222;max-width:960px}
                table{border-collapse:collapse}td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}
                th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}h2{margin-top:1.6em}
                .legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 14px;vertical-align:middle}</style></head><body>
                """);
        b.append("<h1>VPP simulate report</h1><p>").append(escape(String.format(Locale.ROOT,
                "%d day(s) from %s, %d devices, seed %d, forecasts %s, prices %s", days, firstDay, devices, seed, forecast, prices)))
                .append("</p>");
        b.append(String.format(Locale.ROOT, "<p><b>Realised %.2f EUR</b> against a perfect-foresight optimum of %s EUR: ratio <b>%s</b>.</p>",
                realisedValueEur(), perfectForesightEur() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", perfectForesightEur()),
                ratio() == null ? "n/a" : String.format(Locale.ROOT, "%.3f", ratio())));
        b.append("<h2>Money per day (EUR)</h2>");
        List<String> labels = new ArrayList<>();
        List<double[]> money = new ArrayList<>();
        for (Day d : perDay) {
            labels.add(d.day().toString());
            money.add(new double[] {d.realisedValueEur(), d.perfectForesightEur() == null ? 0 : d.perfectForesightEur()});
        }
        b.append(bars(labels, money, List.of("realised", "perfect foresight"), "EUR"));
        b.append("<h2>Energy per day (MWh)</h2>");
        List<double[]> energy = perDay.stream().map(d -> new double[] {d.committedMwh(), d.deliveredMwh(), d.deviationMwh()}).toList();
        b.append(bars(labels, energy, List.of("committed", "delivered", "deviation"), "MWh"));
        b.append("<h2>Forecast error (MAE) against seasonal naive</h2>");
        Map<String, double[]> byKind = new TreeMap<>();
        for (Day d : perDay) {
            d.forecastErrors().forEach((kind, e) -> {
                double[] v = byKind.computeIfAbsent(kind, k -> new double[3]);
                v[0] += e.mae();
                v[1] += e.naiveMae() == null ? 0 : e.naiveMae();
                v[2]++;
            });
        }
        List<String> kinds = new ArrayList<>(byKind.keySet());
        List<double[]> errs = kinds.stream().map(k -> new double[] {byKind.get(k)[0] / byKind.get(k)[2], byKind.get(k)[1] / byKind.get(k)[2]}).toList();
        b.append(bars(kinds, errs, List.of("the bid's forecasts", "seasonal naive"), "MW (prices: EUR/MWh)"));
        b.append("<h2>Figures</h2><pre>").append(escape(text())).append("</pre></body></html>\n");
        return b.toString();
    }

    private static final String[] COLOURS = {"#2b6cb0", "#dd6b20", "#718096"};

    /** Grouped bars with a zero line, value labels and a legend; negative values go below the line. */
    static String bars(List<String> labels, List<double[]> values, List<String> series, String unit) {
        int width = 860;
        int height = 260;
        int top = 20;
        int bottom = 40;
        int left = 70;
        double max = 0;
        double min = 0;
        for (double[] v : values) for (double x : v) {
            max = Math.max(max, x);
            min = Math.min(min, x);
        }
        if (max - min < 1e-9) max = 1;
        double scale = (height - top - bottom) / (max - min);
        double zero = top + max * scale;
        int groups = Math.max(1, labels.size());
        double groupWidth = (width - left - 10.0) / groups;
        double barWidth = Math.min(60, groupWidth * 0.8 / Math.max(1, series.size()));
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">", width, height, escape(unit)));
        s.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"14\" font-size=\"12\">%s</text>", escape(unit)));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#444\"/>", left, width, zero, zero));
        for (int g = 0; g < labels.size(); g++) {
            double x0 = left + g * groupWidth + (groupWidth - barWidth * series.size()) / 2;
            for (int k = 0; k < series.size() && k < values.get(g).length; k++) {
                double v = values.get(g)[k];
                double y = v >= 0 ? zero - v * scale : zero;
                s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %.3f</title></rect>",
                        x0 + k * barWidth, y, barWidth - 2, Math.max(0.5, Math.abs(v) * scale), COLOURS[k % COLOURS.length],
                        escape(series.get(k)), v));
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
                        x0 + k * barWidth + barWidth / 2, (v >= 0 ? y - 3 : y + Math.abs(v) * scale + 11), short3(v)));
            }
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s</text>",
                    left + g * groupWidth + groupWidth / 2, height - 22, escape(labels.get(g))));
        }
        s.append("</svg><div class=\"legend\">");
        for (int k = 0; k < series.size(); k++) {
            s.append("<span style=\"background:").append(COLOURS[k % COLOURS.length]).append("\"></span>").append(escape(series.get(k)));
        }
        return s.append("</div>").toString();
    }

    private static String short3(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** report.txt, report.json and report.html in {@code dir} (created if missing). */
    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.txt"), text(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("report.json"), json(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("report.html"), html(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir, e);
        }
    }
}
