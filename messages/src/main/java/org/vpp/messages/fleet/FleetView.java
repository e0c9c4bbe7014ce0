package org.vpp.messages.fleet;

import java.util.List;

/**
 * A fleet tree, nodes in depth-first order (parents before children).
 *
 * @param root      the requested root, or null when the whole fleet was asked for
 * @param installed total installed capacity of the view
 * @param available total available capacity of the view
 */
public record FleetView(FleetNodeView root, Capacity installed, Capacity available, List<FleetNodeView> nodes) {

    public FleetView {
        nodes = List.copyOf(nodes);
    }
}
