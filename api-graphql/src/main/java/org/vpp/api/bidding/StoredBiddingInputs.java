package org.vpp.api.bidding;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vpp.kernel.AssetKind;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;
import org.vpp.kernel.TimeSeries;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.bid.SlotFlexibility;
import org.vpp.messages.forecast.ForecastId;
import org.vpp.messages.forecast.ForecastSourceId;
import org.vpp.messages.forecast.ForecastSourceKind;
import org.vpp.query.content.ContentStore;
import org.vpp.query.fleet.FleetRepository;
import org.vpp.query.forecast.ForecastStore;
import org.vpp.sagas.bidding.PriceQuote;
import org.vpp.sagas.port.BiddingInputs;
import org.vpp.sagas.port.MeterHistory;
import org.vpp.sagas.port.PriceHistory;

/**
 * The bidding cycle's inputs from the read models: the fleet snapshot (registry and last telemetry), the newest
 * device forecasts and the newest price forecast, each standing in seasonal naive (the same time of day, the most
 * recent day measured) when missing, stale or not covering the delivery day. Snapshot and device forecasts are
 * stored once in the {@link ContentStore} and referenced by hash; a fallback price forecast is stored with the
 * forecasts (id suffix {@value #NAIVE} and the delivery start) so that it can be read again by its id, like any
 * other.
 *
 * <p>The price quotes' band is the point ± 1.2816 σ (P10 and P90 of a normal error), σ being the cross-validated
 * RMSE of the forecast's model, or for seasonal naive the mean absolute day-over-day change of the week before it.
 */
public class StoredBiddingInputs implements BiddingInputs {

    static final String NAIVE = "#seasonal-naive";
    static final String NAIVE_MODEL = "seasonal-naive";
    private static final double Z_P90 = 1.2816;
    private static final Duration DAY = Duration.ofDays(1);

    private final FleetRepository fleet;
    private final ForecastStore forecasts;
    private final ContentStore content;
    private final MeterHistory meters;
    private final PriceHistory prices;
    private final Duration maxForecastAge;
    private final Json json;

    public StoredBiddingInputs(FleetRepository fleet, ForecastStore forecasts, ContentStore content, MeterHistory meters,
                               PriceHistory prices, Duration maxForecastAge, Json json) {
        this.fleet = fleet;
        this.forecasts = forecasts;
        this.content = content;
        this.meters = meters;
        this.prices = prices;
        this.maxForecastAge = maxForecastAge;
        this.json = json;
    }

    @Override
    public Fetched fetch(BidId bidId, Instant deliveryStart, Instant deliveryEnd, Duration slotLength, Instant asOf) {
        int n = (int) Duration.between(deliveryStart, deliveryEnd).dividedBy(slotLength);
        FleetSnapshot snapshot = FleetSnapshot.of(fleet.subtree(null), asOf);
        DeviceForecasts devices = deviceForecasts(snapshot, deliveryStart, slotLength, n, asOf);
        PriceForecast price = priceForecast(bidId.zone(), deliveryStart, slotLength, n, asOf);
        ContentReference snapshotRef = content.store("fleet-snapshot", json.bytes(snapshot), asOf);
        ContentReference forecastsRef = content.store("device-forecasts", json.bytes(devices), asOf);
        int planned = PlanningProblem.plannedAssets(snapshot);
        List<SlotFlexibility> flexibility = new ArrayList<>(n);
        if (planned > 0) {
            var problem = PlanningProblem.problem(snapshot, devices, price.quotes().stream()
                    .map(q -> q.expected().value()).toList(), 0);
            flexibility.addAll(PlanningProblem.flexibility(problem, deliveryStart, slotLength));
        } else {
            // nothing to move: the cycle aborts on it, the snapshot stays stored for whoever looks
            for (int t = 0; t < n; t++) {
                flexibility.add(new SlotFlexibility(deliveryStart.plus(slotLength.multipliedBy(t)), Megawatts.ZERO, Megawatts.ZERO));
            }
        }
        return new Fetched(snapshotRef, snapshot.devices().size(), planned, forecastsRef, flexibility, price);
    }

    @Override
    public List<PriceQuote> priceQuotes(ForecastId priceForecast) {
        ForecastStore.Issued stored = forecasts.series(priceForecast)
                .orElseThrow(() -> new IllegalStateException("no stored price forecast " + priceForecast));
        Double rmse = stored.rmse();
        String id = priceForecast.value();
        if (rmse == null && !id.contains(NAIVE) && id.contains("#")) {
            // a delivery day's window of an issued forecast: the error of the model that issued it
            rmse = forecasts.series(new ForecastId(id.substring(0, id.indexOf('#')))).map(ForecastStore.Issued::rmse).orElse(null);
        }
        List<PriceQuote> quotes = new ArrayList<>(stored.values().length);
        if (stored.band() != null) {
            // The forecast's own P10/P90 from its cross-validation residuals, widened to hold the point if its
            // residuals were all of one sign.
            for (int i = 0; i < stored.values().length; i++) {
                double p = stored.values()[i];
                quotes.add(new PriceQuote(stored.origin().plus(stored.step().multipliedBy(i)),
                        EurPerMwh.of(Math.min(p, stored.band()[0][i])), EurPerMwh.of(p),
                        EurPerMwh.of(Math.max(p, stored.band()[2][i]))));
            }
            return quotes;
        }
        double sigma = rmse != null ? rmse : naiveSigma(stored.source().subject(), stored.origin(), stored.step());
        for (int i = 0; i < stored.values().length; i++) {
            double p = stored.values()[i];
            quotes.add(new PriceQuote(stored.origin().plus(stored.step().multipliedBy(i)), EurPerMwh.of(p - Z_P90 * sigma),
                    EurPerMwh.of(p), EurPerMwh.of(p + Z_P90 * sigma)));
        }
        return quotes;
    }

    // --- prices -------------------------------------------------------------------------------------------------

    private PriceForecast priceForecast(String zone, Instant start, Duration slot, int n, Instant asOf) {
        ForecastSourceId source = ForecastSourceId.of(ForecastSourceKind.PRICE, zone);
        ForecastStore.Issued issued = forecasts.latestIssued(List.of(source), asOf).get(source);
        Optional<Coverage> onSlots = issued == null || issued.issuedAt().isBefore(asOf.minus(maxForecastAge))
                ? Optional.empty() : onSlots(issued, start, slot, n);
        boolean fallback = onSlots.isEmpty();
        ForecastId id;
        String model;
        double[] values;
        if (fallback) {
            // The day-ahead prices of the day before delivery are published before its cycle opens.
            values = prices.prices(zone, start.minus(DAY), start.minus(DAY).plus(slot.multipliedBy(n))).values();
            if (values.length != n) throw new IllegalStateException("price history has " + values.length
                    + " slots for the day before " + start + ", expected " + n);
            id = new ForecastId(ForecastId.of(source, asOf).value() + NAIVE + "#" + start);
            model = NAIVE_MODEL;
            forecasts.save(id, source, start, slot, values, asOf);
        } else {
            model = onSlots.get().model(issued.model());
            values = onSlots.get().values();
            // the delivery day's window of the issued series (and of its band), stored under its own id so quotes
            // read back by id
            id = new ForecastId(issued.id().value() + "#" + start);
            forecasts.save(id, source, start, slot, values, onSlots.get().band(issued.band()), asOf);
        }
        List<PriceQuote> quotes = priceQuotes(id);
        String sha = ContentStore.sha256(json.bytes(values));
        return new PriceForecast(id, model, sha, fallback, quotes);
    }

    /** Mean absolute change from one day to the next over the week before {@code origin}: seasonal naive's error. */
    private double naiveSigma(String zone, Instant origin, Duration step) {
        TimeSeries week = prices.prices(zone, origin.minus(Duration.ofDays(8)), origin);
        int perDay = (int) (DAY.toSeconds() / step.toSeconds());
        double sum = 0;
        int count = 0;
        for (int i = perDay; i < week.size(); i++) {
            sum += Math.abs(week.valueAt(i) - week.valueAt(i - perDay));
            count++;
        }
        return count == 0 ? 0 : 1.25 * sum / count;
    }

    // --- devices ------------------------------------------------------------------------------------------------

    private DeviceForecasts deviceForecasts(FleetSnapshot snapshot, Instant start, Duration slot, int n, Instant asOf) {
        List<FleetSnapshot.Device> forecastable = snapshot.devices().stream()
                .filter(d -> d.kind() == AssetKind.PV || d.kind() == AssetKind.WIND || d.kind() == AssetKind.LOAD).toList();
        List<ForecastSourceId> sources = forecastable.stream()
                .map(d -> ForecastSourceId.of(ForecastSourceKind.valueOf(d.kind().name()), d.id())).toList();
        Map<ForecastSourceId, ForecastStore.Issued> issued = forecasts.latestIssued(sources, asOf);
        List<DeviceForecasts.Series> series = new ArrayList<>(forecastable.size());
        for (int i = 0; i < forecastable.size(); i++) {
            FleetSnapshot.Device device = forecastable.get(i);
            double sign = device.kind() == AssetKind.LOAD ? -1 : 1; // loads meter consumption as negative power
            ForecastStore.Issued f = issued.get(sources.get(i));
            Optional<Coverage> values = f == null || f.issuedAt().isBefore(asOf.minus(maxForecastAge))
                    ? Optional.empty() : onSlots(f, start, slot, n);
            if (values.isPresent()) {
                series.add(new DeviceForecasts.Series(device.id(), f.id().value(), values.get().model(f.model()), false,
                        scaled(values.get().values(), sign)));
            } else {
                series.add(new DeviceForecasts.Series(device.id(), "meter:" + device.id() + "@" + asOf, NAIVE_MODEL,
                        true, scaled(naiveFromMeters(AssetId.of(device.id()), start, slot, n, asOf), sign)));
            }
        }
        return new DeviceForecasts(start, slot, n, series);
    }

    /** Each slot takes the metered mean at the same time of the most recent day already measured at {@code asOf}. */
    private double[] naiveFromMeters(AssetId device, Instant start, Duration slot, int n, Instant asOf) {
        Instant from = asOf.minus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        double[] out = new double[n];
        var history = meters.slotMeans(device, from, asOf, slot);
        if (history.isEmpty()) return out;
        TimeSeries h = history.get().series();
        for (int t = 0; t < n; t++) {
            Instant at = start.plus(slot.multipliedBy(t));
            Instant back = at.minus(DAY);
            while (!back.isBefore(asOf)) back = back.minus(DAY);
            var index = h.indexOf(back);
            out[t] = index.isPresent() ? h.valueAt(index.getAsInt()) : 0;
        }
        return out;
    }

    /**
     * The issued series on the delivery slots. A slot beyond the forecast's horizon takes the forecast's own value a
     * whole number of days earlier (its daily season continued): a day-ahead cycle opens in the morning before
     * delivery, when a one-day forecast reaches only into the delivery day. Empty when the forecast starts after the
     * first slot, or when a slot has no value of the same time of day within the forecast.
     */
    static Optional<Coverage> onSlots(ForecastStore.Issued f, Instant start, Duration slot, int n) {
        if (f.origin().isAfter(start)) return Optional.empty();
        long stepSeconds = f.step().toSeconds();
        long perDay = DAY.toSeconds() / stepSeconds;
        double[] out = new double[n];
        int[] indices = new int[n];
        boolean continued = false;
        for (int t = 0; t < n; t++) {
            long index = Duration.between(f.origin(), start.plus(slot.multipliedBy(t))).toSeconds() / stepSeconds;
            while (index >= f.values().length && DAY.toSeconds() % stepSeconds == 0) {
                index -= perDay;
                continued = true;
            }
            if (index < 0 || index >= f.values().length) return Optional.empty();
            out[t] = f.values()[(int) index];
            indices[t] = (int) index;
        }
        return Optional.of(new Coverage(out, continued, indices));
    }

    /**
     * @param continued true when some slots lie beyond the forecast's horizon and continue its daily season
     * @param indices   the step of the issued forecast each slot took its value from
     */
    record Coverage(double[] values, boolean continued, int[] indices) {

        /** The issued band ({p10, p50, p90}) on the same slots, or null without one. */
        double[][] band(double[][] issued) {
            if (issued == null) return null;
            double[][] out = new double[issued.length][indices.length];
            for (int level = 0; level < issued.length; level++) {
                for (int t = 0; t < indices.length; t++) out[level][t] = issued[level][indices[t]];
            }
            return out;
        }

        String model(String model) {
            return continued ? model + " (continued daily past its horizon)" : model;
        }
    }

    private static double[] scaled(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) out[i] = values[i] * factor;
        return out;
    }
}
