package org.vpp.query.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.asset.AssetDecommissioned;
import org.vpp.messages.asset.AssetEvent;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetLimitsUpdated;
import org.vpp.messages.asset.AssetMoved;
import org.vpp.messages.asset.AssetRegistered;
import org.vpp.messages.asset.AssetRenamed;
import org.vpp.messages.asset.AssetStatus;
import org.vpp.messages.asset.AssetStatusChanged;
import org.vpp.messages.asset.StatusOrigin;

class FleetRowsTest {

    static final AssetId BAT = AssetId.of("bat"), SITE_A = AssetId.of("site-a"), SITE_B = AssetId.of("site-b");

    @Test
    void eachEventSetsItsOwnFields() {
        FleetRow row = FleetRows.evolve(null, new AssetRegistered(BAT, AssetKind.BATTERY, "Battery", SITE_A, null,
                TechnicalLimits.storage(-1, 1, 2, 0.95, 0.95, 1.0, 0.1, 0.9, 0.2), AssetStatus.ONLINE));
        row = FleetRows.evolve(row, new AssetRenamed(BAT, "Battery", "Basement"));
        row = FleetRows.evolve(row, new AssetMoved(BAT, SITE_A, SITE_B));
        row = FleetRows.evolve(row, new AssetStatusChanged(BAT, AssetStatus.ONLINE, AssetStatus.FAULT, StatusOrigin.OPERATOR, "smoke"));
        row = FleetRows.evolve(row, new AssetLimitsUpdated(BAT, TechnicalLimits.power(-0.5, 0.5, null)));
        assertThat(row).isEqualTo(new FleetRow(BAT, SITE_B, AssetKind.BATTERY, "Basement", AssetStatus.FAULT,
                TechnicalLimits.power(-0.5, 0.5, null), null));
        assertThat(FleetRows.evolve(row, new AssetDecommissioned(BAT, AssetStatus.FAULT, "scrapped")).status())
                .isEqualTo(AssetStatus.DECOMMISSIONED);
    }

    /** Why the point-in-time fleet may read only each asset's last event of each kind: the fold ends the same. */
    @Test
    void foldingTheLastEventOfEachKindInOrderEqualsFoldingTheWholeHistory() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            List<AssetEvent> history = new ArrayList<>();
            history.add(new AssetRegistered(BAT, AssetKind.BATTERY, "Battery 0", SITE_A, null, TechnicalLimits.power(-1, 1, null), AssetStatus.ONLINE));
            AssetStatus status = AssetStatus.ONLINE;
            for (int i = 1; i < 1 + random.nextInt(40); i++) {
                AssetStatus next = AssetStatus.values()[random.nextInt(4)];
                history.add(switch (random.nextInt(5)) {
                    case 0 -> new AssetRenamed(BAT, null, "Battery " + i);
                    case 1 -> new AssetMoved(BAT, null, random.nextBoolean() ? SITE_A : SITE_B);
                    case 2 -> new AssetLimitsUpdated(BAT, TechnicalLimits.power(-i, i, null));
                    case 3 -> new AssetDecommissioned(BAT, status, "gone " + i);
                    default -> new AssetStatusChanged(BAT, status, next, StatusOrigin.TELEMETRY, null);
                });
                status = next;
            }
            FleetRow whole = null;
            for (AssetEvent e : history) whole = FleetRows.evolve(whole, e);

            Map<Class<?>, Integer> lastOfKind = new LinkedHashMap<>();
            for (int i = 0; i < history.size(); i++) lastOfKind.put(history.get(i).getClass(), i);
            FleetRow reduced = null;
            for (int i = 0; i < history.size(); i++) {
                if (lastOfKind.get(history.get(i).getClass()) == i) reduced = FleetRows.evolve(reduced, history.get(i));
            }
            assertThat(reduced).as("trial %d: %s", trial, history).isEqualTo(whole);
        }
    }

    @Test
    void aSubtreeHoldsTheRootAndEverythingBelowIt() {
        List<FleetRow> rows = List.of(
                row("p", null), row("a", "p"), row("b", "p"), row("a1", "a"), row("b1", "b"), row("other", null));
        assertThat(FleetRows.subtree(rows, AssetId.of("a"))).extracting(r -> r.id().value()).containsExactly("a", "a1");
        assertThat(FleetRows.subtree(rows, AssetId.of("p"))).extracting(r -> r.id().value())
                .containsExactlyInAnyOrder("p", "a", "b", "a1", "b1");
        assertThat(FleetRows.subtree(rows, AssetId.of("missing"))).isEmpty();
        assertThat(FleetRows.subtree(rows, null)).hasSize(6);
    }

    private static FleetRow row(String id, String parent) {
        return new FleetRow(AssetId.of(id), parent == null ? null : AssetId.of(parent), AssetKind.SITE, id, AssetStatus.ONLINE, null, null);
    }
}
