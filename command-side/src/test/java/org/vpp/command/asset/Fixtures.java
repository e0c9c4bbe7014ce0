package org.vpp.command.asset;

import org.vpp.kernel.AssetKind;
import org.vpp.kernel.GeoLocation;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetRegistered;
import org.vpp.messages.asset.AssetStatus;
import org.vpp.messages.asset.RegisterAsset;

/** Coherent limits and registrations shared by the command-side tests. */
final class Fixtures {

    static final AssetId PORTFOLIO = AssetId.of("pf-1");
    static final AssetId REGION = AssetId.of("rg-north");
    static final AssetId SITE = AssetId.of("site-a");
    static final AssetId OTHER_SITE = AssetId.of("site-b");
    static final AssetId BATTERY = AssetId.of("bat-1");
    static final GeoLocation BERLIN = new GeoLocation(52.52, 13.40);

    static final TechnicalLimits BATTERY_LIMITS = TechnicalLimits.storage(-2.0, 2.0, 4.0, 0.95, 0.95, 1.0, 0.05, 0.95, 0.2);
    static final TechnicalLimits PV_LIMITS = TechnicalLimits.power(0.0, 1.5, null);
    static final TechnicalLimits LOAD_LIMITS = TechnicalLimits.power(-0.8, -0.1, null);

    private Fixtures() {
    }

    static RegisterAsset registerBattery(AssetId id, AssetId parent) {
        return new RegisterAsset(id, AssetKind.BATTERY, "Battery " + id, parent, BERLIN, BATTERY_LIMITS, null);
    }

    static AssetRegistered batteryRegistered(AssetId id, AssetId parent) {
        return new AssetRegistered(id, AssetKind.BATTERY, "Battery " + id, parent, BERLIN, BATTERY_LIMITS, AssetStatus.ONLINE);
    }

    static AssetRegistered siteRegistered(AssetId id, AssetId parent) {
        return new AssetRegistered(id, AssetKind.SITE, "Site " + id, parent, BERLIN, TechnicalLimits.groupWithGridLimit(5.0),
                AssetStatus.ONLINE);
    }

    static AssetRegistered regionRegistered(AssetId id, AssetId parent) {
        return new AssetRegistered(id, AssetKind.REGION, "Region " + id, parent, null, null, AssetStatus.ONLINE);
    }
}
