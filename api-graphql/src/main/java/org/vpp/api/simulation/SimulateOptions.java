package org.vpp.api.simulation;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vpp.messages.common.PlainText;

/**
 * What {@code ./vpp simulate} was asked to do. Every refusal names its flag and the reason, before anything runs.
 *
 * @param days       delivery days to bid, dispatch and settle (1..31)
 * @param devices    size of the demo fleet (1..10,000)
 * @param seed       one seed for the fleet, the weather and its forecasts, the twins and the imbalance prices; the
 *                   synthetic day-ahead prices come from {@code vpp.forecast.price-seed} (42), whatever the seed
 * @param firstDay   the first delivery day (market calendar); the run starts the day before, after its history
 * @param prices     a day-ahead price file (replaces the synthetic prices), or null
 * @param pv         a PV profile each PV plant follows, scaled to its size, or null (likewise {@code wind}, {@code load})
 * @param out        where the report goes (report.txt, report.json, report.html)
 * @param forecast   {@code trained}: the forecaster trains and issues forecasts on the clock, as in the main run;
 *                   {@code naive}: no forecaster, every bid uses seasonal naive from the meters (faster)
 * @param databaseUrl a PostgreSQL database to run on (must be empty), or null for a fresh embedded one
 * @param historyDays days of meter and price history before the run starts (5..90): what the forecaster trains on.
 *                    The default, 28, is the application's training window ({@code vpp.forecast.history}); with less,
 *                    cross-validation has fewer folds and the models with weekly lags or weather inputs are left out
 */
public record SimulateOptions(int days, int devices, long seed, LocalDate firstDay, Path prices, Path pv, Path wind,
                              Path load, Path out, String forecast, String databaseUrl, int historyDays) {

    public static final LocalDate DEFAULT_FIRST_DAY = LocalDate.of(2026, 6, 16);
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2099, 12, 31);
    static final String USAGE = """
            usage: ./vpp simulate [--days N] [--devices N] [--seed N] [--start YYYY-MM-DD] [--prices FILE.csv]
                                  [--pv FILE.csv] [--wind FILE.csv] [--load FILE.csv] [--forecast trained|naive]
                                  [--history-days N] [--out DIR] [--database-url jdbc:postgresql://...]
              defaults: --days 1 --devices 100 --seed 42 --start %s --forecast trained --history-days 28
                        --out simulate-report
            """.formatted(DEFAULT_FIRST_DAY);

    /** A refusal of the command line, naming the flag. */
    public static final class Refused extends IllegalArgumentException {
        public Refused(String flag, String reason) {
            super(flag + ": " + reason);
        }
    }

    public static SimulateOptions parse(List<String> args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            PlainText.problem("arguments", flag).ifPresent(p -> {
                throw new Refused("arguments", p.message());
            });
            String name;
            String value;
            if (flag.startsWith("--") && flag.contains("=")) {
                name = flag.substring(0, flag.indexOf('='));
                value = flag.substring(flag.indexOf('=') + 1);
            } else if (flag.startsWith("--")) {
                if (i + 1 >= args.size()) throw new Refused(flag, "needs a value");
                name = flag;
                value = args.get(++i);
            } else {
                throw new Refused(flag, "is not a flag (flags start with --)");
            }
            if (!List.of("--days", "--devices", "--seed", "--start", "--prices", "--pv", "--wind", "--load", "--out",
                    "--forecast", "--database-url", "--history-days").contains(name)) {
                throw new Refused(name, "unknown flag");
            }
            PlainText.problem(name, value).ifPresent(p -> {
                throw new Refused(name, p.message());
            });
            if (given.put(name, value) != null) throw new Refused(name, "given twice");
        }
        int days = integer(given, "--days", 1, 1, 31);
        int devices = integer(given, "--devices", 100, 1, 10_000);
        int historyDays = integer(given, "--history-days", 28, 5, 90);
        long seed;
        try {
            seed = Long.parseLong(given.getOrDefault("--seed", "42"));
        } catch (NumberFormatException e) {
            throw new Refused("--seed", "must be a whole number, got " + given.get("--seed"));
        }
        LocalDate first = DEFAULT_FIRST_DAY;
        if (given.containsKey("--start")) {
            try {
                first = LocalDate.parse(given.get("--start"));
            } catch (DateTimeParseException e) {
                throw new Refused("--start", "must be a date YYYY-MM-DD, got " + given.get("--start"));
            }
            if (first.isBefore(EARLIEST) || first.isAfter(LATEST)) {
                throw new Refused("--start", "must be between " + EARLIEST + " and " + LATEST + ", got " + first);
            }
        }
        String forecast = given.getOrDefault("--forecast", "trained");
        if (!List.of("trained", "naive").contains(forecast)) throw new Refused("--forecast", "must be trained or naive, got " + forecast);
        String url = given.get("--database-url");
        if (url != null && !url.startsWith("jdbc:postgresql://")) {
            throw new Refused("--database-url", "must be a jdbc:postgresql:// URL");
        }
        return new SimulateOptions(days, devices, seed, first, file(given, "--prices"), file(given, "--pv"),
                file(given, "--wind"), file(given, "--load"), path(given, "--out", "simulate-report"), forecast, url, historyDays);
    }

    private static int integer(Map<String, String> given, String flag, int fallback, int min, int max) {
        String raw = given.get(flag);
        if (raw == null) return fallback;
        try {
            int v = Integer.parseInt(raw);
            if (v < min || v > max) throw new Refused(flag, "must be between " + min + " and " + max + ", got " + v);
            return v;
        } catch (NumberFormatException e) {
            throw new Refused(flag, "must be a whole number between " + min + " and " + max + ", got " + raw);
        }
    }

    private static Path file(Map<String, String> given, String flag) {
        if (!given.containsKey(flag)) return null;
        Path p = path(given, flag, null);
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) throw new Refused(flag, "no readable file " + p);
        return p;
    }

    private static Path path(Map<String, String> given, String flag, String fallback) {
        try {
            return Path.of(given.getOrDefault(flag, fallback));
        } catch (InvalidPathException e) {
            throw new Refused(flag, "is not a path: " + e.getMessage());
        }
    }
}
