package org.vpp.sagas.port;

import java.util.Collection;
import java.util.List;

import org.vpp.messages.asset.AssetId;
import org.vpp.messages.telemetry.DeviceHealth;

/** Each watched device's status beside its newest reading: what the telemetry watchdog judges. A port: the telemetry store. */
public interface DeviceHealthSource {

    /** @param only the devices to look at, or null for every device that is not decommissioned */
    List<DeviceHealth> devicesToWatch(Collection<AssetId> only);
}
