package org.vpp.query.bid;

import java.time.Duration;
import java.util.List;

import org.vpp.kernel.MegawattHours;
import org.vpp.messages.bid.BidSlotView;
import org.vpp.messages.bid.BidTotals;

/** A bid's totals from its slots, as a pure function: each slot's power held for the slot's length. */
public final class BidFigures {

    private BidFigures() {
    }

    /**
     * Offered and cleared energy as volumes (a purchase counts as much as a sale) and the revenue at the clearing
     * prices (sales earn, purchases cost). Offered is null until a draft, cleared and revenue until the market's
     * answer.
     */
    public static BidTotals totals(List<BidSlotView> slots, Duration slotLength) {
        boolean drafted = !slots.isEmpty() && slots.stream().allMatch(s -> s.quantity() != null);
        boolean cleared = !slots.isEmpty() && slots.stream().allMatch(s -> s.cleared() != null && s.clearingPrice() != null);
        MegawattHours offered = MegawattHours.ZERO;
        MegawattHours clearedEnergy = MegawattHours.ZERO;
        double revenue = 0;
        for (BidSlotView slot : slots) {
            if (drafted) offered = offered.plus(volume(slot.quantity().over(slotLength)));
            if (cleared) {
                MegawattHours energy = slot.cleared().over(slotLength);
                clearedEnergy = clearedEnergy.plus(volume(energy));
                revenue += energy.valueEur(slot.clearingPrice());
            }
        }
        return new BidTotals(drafted ? offered : null, cleared ? clearedEnergy : null, cleared ? revenue : null);
    }

    private static MegawattHours volume(MegawattHours energy) {
        return MegawattHours.of(Math.abs(energy.value()));
    }
}
