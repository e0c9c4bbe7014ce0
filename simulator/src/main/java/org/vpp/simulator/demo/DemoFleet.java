package org.vpp.simulator.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.simulator.series.SeedStreams;

/**
 * A plausible fleet for demos and load tests: one portfolio, regions at real European places, sites of typical
 * kinds beneath them and exactly the requested number of devices. Parents always precede their children.
 */
public final class DemoFleet {

    private record Region(String name, double latitudeDeg, double longitudeDeg) {
    }

    private static final List<Region> REGIONS = List.of(
            new Region("Northern Germany", 53.55, 9.99),
            new Region("Bavaria", 48.14, 11.58),
            new Region("Netherlands", 52.37, 4.90),
            new Region("Eastern Austria", 48.21, 16.37),
            new Region("Jutland", 56.16, 10.20),
            new Region("Lombardy", 45.46, 9.19));

    private enum SiteType { HOME, UTILITY_STORAGE, SOLAR_PARK, WIND_PARK, INDUSTRIAL, EV_HUB }

    private static final int DEVICES_PER_REGION = 12;

    private DemoFleet() {
    }

    public static List<AssetSpec> generate(int devices, long seed) {
        if (devices < 0) {
            throw new IllegalArgumentException("device count must be >= 0");
        }
        RandomGenerator rng = SeedStreams.stream(seed, "demo-fleet");
        List<AssetSpec> fleet = new ArrayList<>();
        fleet.add(new AssetSpec("portfolio", AssetKind.PORTFOLIO, "Demo portfolio", Optional.empty(),
                50.5, 10.0, TechnicalLimits.NONE));
        int regionCount = Math.max(1, Math.min(REGIONS.size(), (devices + DEVICES_PER_REGION - 1) / DEVICES_PER_REGION));
        int remaining = devices;
        int siteNumber = 0;
        // Sites go round-robin over regions so every region gets a share of the fleet.
        List<List<AssetSpec>> perRegion = new ArrayList<>();
        for (int r = 0; r < regionCount; r++) {
            Region region = REGIONS.get(r);
            perRegion.add(new ArrayList<>(List.of(new AssetSpec(regionId(r), AssetKind.REGION, region.name(),
                    Optional.of("portfolio"), region.latitudeDeg(), region.longitudeDeg(), TechnicalLimits.NONE))));
        }
        while (remaining > 0) {
            int r = siteNumber % regionCount;
            siteNumber++;
            List<AssetSpec> devicesOfSite = site(siteNumber, regionId(r), REGIONS.get(r), remaining, rng);
            perRegion.get(r).addAll(devicesOfSite);
            remaining -= devicesOfSite.size() - 1;
        }
        perRegion.forEach(fleet::addAll);
        return List.copyOf(fleet);
    }

    private static String regionId(int index) {
        return String.format(Locale.ROOT, "region-%02d", index + 1);
    }

    /** A site followed by its devices, at most {@code maxDevices} of them. */
    private static List<AssetSpec> site(int number, String regionId, Region region, int maxDevices,
            RandomGenerator rng) {
        SiteType type = SiteType.values()[rng.nextInt(SiteType.values().length)];
        String siteId = String.format(Locale.ROOT, "site-%03d", number);
        double lat = region.latitudeDeg() + rng.nextDouble(-0.6, 0.6);
        double lon = region.longitudeDeg() + rng.nextDouble(-0.9, 0.9);
        List<TechnicalLimits> deviceLimits = new ArrayList<>();
        List<AssetKind> kinds = new ArrayList<>();
        switch (type) {
            case HOME -> {
                add(kinds, deviceLimits, AssetKind.BATTERY,
                        storage(0.005, 0.0135, 0.95, 0.3, 0.05, 1.0, 0.2));
                add(kinds, deviceLimits, AssetKind.PV, TechnicalLimits.power(0, round(rng.nextDouble(0.006, 0.015), 3), 0.5));
                double peak = round(rng.nextDouble(0.006, 0.012), 4);
                add(kinds, deviceLimits, AssetKind.LOAD, TechnicalLimits.power(-peak, -0.0003, 1.0));
            }
            case UTILITY_STORAGE -> {
                double power = round(rng.nextDouble(1, 50), 1);
                double hours = 1 + rng.nextInt(4);
                add(kinds, deviceLimits, AssetKind.BATTERY,
                        storage(power, power * hours, round(rng.nextDouble(0.92, 0.96), 3), power,
                                0.05, 0.95, 0.10));
            }
            case SOLAR_PARK -> add(kinds, deviceLimits, AssetKind.PV,
                    TechnicalLimits.power(0, round(rng.nextDouble(1, 20), 1), 2.0));
            case WIND_PARK -> {
                double turbineMw = round(rng.nextDouble(2, 6), 1);
                int turbines = 2 + rng.nextInt(3);
                for (int t = 0; t < turbines; t++) {
                    add(kinds, deviceLimits, AssetKind.WIND, TechnicalLimits.power(0, turbineMw, 0.2 * turbineMw));
                }
            }
            case INDUSTRIAL -> {
                double peak = round(rng.nextDouble(0.5, 10), 2);
                add(kinds, deviceLimits, AssetKind.LOAD, TechnicalLimits.power(-peak, -0.2 * peak, peak));
                add(kinds, deviceLimits, AssetKind.GENERATOR,
                        TechnicalLimits.power(0, round(0.4 * peak, 2), round(0.1 * peak, 3)));
                add(kinds, deviceLimits, AssetKind.PV, TechnicalLimits.power(0, round(rng.nextDouble(0.1, 2), 2), 1.0));
            }
            case EV_HUB -> {
                int chargers = 2 + rng.nextInt(3);
                for (int c = 0; c < chargers; c++) {
                    add(kinds, deviceLimits, AssetKind.EV_CHARGER, TechnicalLimits.power(-0.15, 0, 0.15));
                }
                add(kinds, deviceLimits, AssetKind.BATTERY, storage(0.5, 1.0, 0.94, 0.5, 0.05, 0.95, 0.1));
            }
        }
        int count = Math.min(maxDevices, kinds.size());
        double connection = 0;
        for (int i = 0; i < count; i++) {
            connection += Math.max(Math.abs(deviceLimits.get(i).maxPowerMw()), Math.abs(deviceLimits.get(i).minPowerMw()));
        }
        // Connections are sized below the sum of ratings: devices rarely peak together, and that is what
        // the optimizer's grid-connection constraint is for.
        List<AssetSpec> specs = new ArrayList<>();
        specs.add(new AssetSpec(siteId, AssetKind.SITE, siteName(type, number), Optional.of(regionId), lat, lon,
                TechnicalLimits.groupWithGridLimit(round(Math.max(0.001, 0.85 * connection), 4))));
        for (int i = 0; i < count; i++) {
            AssetKind kind = kinds.get(i);
            String id = String.format(Locale.ROOT, "%s-%s-%d", siteId, kind.name().toLowerCase(Locale.ROOT), i + 1);
            specs.add(new AssetSpec(id, kind, siteName(type, number) + " " + kind.name().toLowerCase(Locale.ROOT)
                    + " " + (i + 1), Optional.of(siteId), lat, lon, deviceLimits.get(i)));
        }
        return specs;
    }

    private static void add(List<AssetKind> kinds, List<TechnicalLimits> limits, AssetKind kind, TechnicalLimits l) {
        kinds.add(kind);
        limits.add(l);
    }

    /** A battery that charges and discharges at the same power and efficiency. */
    private static TechnicalLimits storage(double powerMw, double capacityMwh, double efficiency,
            double rampRateMwPerMin, double minSoc, double maxSoc, double reserveSoc) {
        return TechnicalLimits.storage(-powerMw, powerMw, capacityMwh, efficiency, efficiency, rampRateMwPerMin,
                minSoc, maxSoc, reserveSoc);
    }

    private static String siteName(SiteType type, int number) {
        String label = switch (type) {
            case HOME -> "Home";
            case UTILITY_STORAGE -> "Storage plant";
            case SOLAR_PARK -> "Solar park";
            case WIND_PARK -> "Wind park";
            case INDUSTRIAL -> "Factory";
            case EV_HUB -> "Charging hub";
        };
        return label + " " + number;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
