package org.vpp.simulator.demo;

import java.util.Objects;
import java.util.Optional;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.TechnicalLimits;

/**
 * One node of a generated fleet. The constructor refuses physically incoherent limits, so every spec that exists
 * can be handed to the application as is.
 */
public record AssetSpec(
        String id,
        AssetKind kind,
        String name,
        Optional<String> parentId,
        double latitudeDeg,
        double longitudeDeg,
        TechnicalLimits limits) {

    public AssetSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(limits, "limits");
        if ((kind == AssetKind.PORTFOLIO) != parentId.isEmpty()) {
            throw new IllegalArgumentException(id + ": exactly the portfolio has no parent");
        }
        AssetCoherence.check(id, kind, limits).ifPresent(problem -> {
            throw new IllegalArgumentException(id + ": " + problem);
        });
    }
}
