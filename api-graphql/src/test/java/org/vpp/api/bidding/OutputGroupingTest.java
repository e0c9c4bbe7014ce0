package org.vpp.api.bidding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vpp.optimizer.model.AssetSchedule;
import org.vpp.optimizer.model.Battery;
import org.vpp.optimizer.model.FlexibleLoad;
import org.vpp.optimizer.model.GridNode;
import org.vpp.optimizer.model.Horizon;
import org.vpp.optimizer.model.Prices;
import org.vpp.optimizer.model.Problem;
import org.vpp.optimizer.model.Renewable;
import org.vpp.optimizer.model.ScheduleCheck;

/** A site's plants and loads planned as one of each, and shared back exactly. */
class OutputGroupingTest {

    final Problem problem = new Problem(new Horizon(2, 15), Prices.expected(List.of(50.0, -10.0)),
            List.of(Battery.typical("bat", 1, 2)),
            List.of(new Renewable("pv-1", List.of(1.0, 0.0)), new Renewable("pv-2", List.of(3.0, 2.0)),
                    new Renewable("wind-9", List.of(0.5, 0.5))),
            List.of(),
            List.of(new FlexibleLoad("load-1", 0.25, 1e-6, List.of(0.5, 0.5), List.of(0.5, 0.5)),
                    new FlexibleLoad("load-2", 0.5, 1e-6, List.of(1.0, 1.0), List.of(1.0, 1.0))),
            List.of(),
            List.of(new GridNode("site-a", Set.of("bat", "pv-1", "pv-2", "load-1", "load-2"), 10, 10)), List.of());
    final Map<String, String> siteOf = Map.of("bat", "site-a", "pv-1", "site-a", "pv-2", "site-a", "load-1", "site-a",
            "load-2", "site-a", "wind-9", "site-b");

    @Test
    void aSiteBecomesOnePlantAndOneLoadAndItsGridNodeFollows() {
        OutputGrouping g = OutputGrouping.bySite(problem, siteOf);
        assertThat(g.grouped().renewables()).extracting(Renewable::id).containsExactly("site-a#renewables", "site-b#renewables");
        assertThat(g.grouped().renewables().getFirst().forecastMw()).containsExactly(4.0, 2.0);
        assertThat(g.grouped().loads()).singleElement().satisfies(l -> {
            assertThat(l.minConsumptionMw()).containsExactly(1.5, 1.5);
            assertThat(l.energyMwh()).isCloseTo(0.75, within(1e-12));
        });
        assertThat(g.grouped().nodes().getFirst().assetIds()).containsExactlyInAnyOrder("bat", "site-a#renewables", "site-a#loads");
    }

    @Test
    void aSitesOutputIsSharedInProportionToTheForecastsAndLoadsConsumeTheirOwn() {
        OutputGrouping g = OutputGrouping.bySite(problem, siteOf);
        List<AssetSchedule> devices = g.expand(List.of(
                new AssetSchedule("bat", List.of(0.0, 0.0), List.of(1.0, 1.0)),
                new AssetSchedule("site-a#renewables", List.of(2.0, 0.0), List.of()),
                new AssetSchedule("site-b#renewables", List.of(0.5, 0.0), List.of()),
                new AssetSchedule("site-a#loads", List.of(-1.5, -1.5), List.of())));
        Map<String, List<Double>> power = new java.util.HashMap<>();
        devices.forEach(d -> power.put(d.assetId(), d.powerMw()));
        assertThat(power.get("pv-1")).containsExactly(0.5, 0.0);
        assertThat(power.get("pv-2")).containsExactly(1.5, 0.0);
        assertThat(power.get("wind-9")).containsExactly(0.5, 0.0);
        assertThat(power.get("load-1")).containsExactly(-0.5, -0.5);
        assertThat(power.get("load-2")).containsExactly(-1.0, -1.0);
        assertThat(ScheduleCheck.violations(problem, devices)).as("curtailment shared within every plant's forecast").isEmpty();
    }
}
