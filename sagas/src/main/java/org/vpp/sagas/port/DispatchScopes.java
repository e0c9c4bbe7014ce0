package org.vpp.sagas.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vpp.kernel.AssetKind;
import org.vpp.sagas.dispatch.DispatchDevice;
import org.vpp.sagas.dispatch.GridGroup;

/**
 * What a manual dispatch is planned over: the registry's tree under a node as it stands, and the market setpoints
 * its devices already follow (the base a manual delta adds to). A port: the fleet read model and the market
 * dispatches' stored plans.
 */
public interface DispatchScopes {

    /** The devices beneath the node (with their place in the tree) and its groups; empty when there is no such node. */
    Optional<Scope> under(String nodeId);

    /** Per device one market setpoint per slot of the window, 0 where no market dispatch plans one. */
    Map<String, double[]> marketSetpoints(Collection<String> deviceIds, Instant start, Duration slotLength, int slots);

    /** @param kind the node's own kind (a device may be asked directly: then it is its own scope) */
    record Scope(String nodeId, AssetKind kind, List<DispatchDevice> devices, List<GridGroup> groups) {
        public Scope {
            devices = List.copyOf(devices);
            groups = List.copyOf(groups);
        }
    }
}
