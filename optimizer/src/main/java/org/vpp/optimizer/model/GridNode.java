package org.vpp.optimizer.model;

import java.util.Set;

/**
 * A node of the fleet tree (site, region) with its grid-connection limits: the net power of its assets
 * stays within {@code [-importLimitMw, exportLimitMw]}.
 */
public record GridNode(String id, Set<String> assetIds, double importLimitMw, double exportLimitMw) {

    public GridNode {
        assetIds = Set.copyOf(assetIds);
        if (importLimitMw < 0 || exportLimitMw < 0) {
            throw new IllegalArgumentException("grid node " + id + ": limits must be non-negative");
        }
    }
}
