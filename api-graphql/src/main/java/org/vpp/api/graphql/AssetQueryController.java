package org.vpp.api.graphql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.vpp.kernel.AssetKind;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetStatus;
import org.vpp.messages.fleet.AssetFilter;
import org.vpp.messages.fleet.AssetPage;
import org.vpp.messages.fleet.AssetView;
import org.vpp.messages.fleet.FindAsset;
import org.vpp.messages.fleet.FindAssets;
import org.vpp.messages.fleet.FindFleet;
import org.vpp.messages.fleet.FleetView;

/** Reads: translates GraphQL arguments into queries on the fleet read model, and back. */
@Controller
public class AssetQueryController {

    private final QueryGateway queries;

    public AssetQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    public record AssetFilterInput(Set<AssetKind> kinds, Set<AssetStatus> statuses, String ancestorId, String parentId) {
    }

    @QueryMapping
    public AssetView asset(@Argument String id) {
        return find(Ids.required("id", id)).orElse(null);
    }

    @QueryMapping
    public AssetConnection assets(@Argument AssetFilterInput filter, @Argument Integer first, @Argument String after) {
        int size = first == null ? 50 : first;
        if (size < 1 || size > FindAssets.MAX_PAGE) {
            throw new BadArgumentException("first", "must be between 1 and " + FindAssets.MAX_PAGE + ", got " + size);
        }
        AssetFilter f = filter == null ? AssetFilter.ANY : new AssetFilter(filter.kinds(), filter.statuses(),
                filter.ancestorId() == null ? null : Ids.required("filter.ancestorId", filter.ancestorId()),
                filter.parentId() == null ? null : Ids.required("filter.parentId", filter.parentId()));
        AssetId afterId = after == null ? null : AssetConnection.decode(after);
        AssetPage page = queries.query(new FindAssets(f, size, afterId), AssetPage.class).join();
        return AssetConnection.of(page, afterId != null);
    }

    @QueryMapping
    public FleetView fleet(@Argument String rootId) {
        AssetId root = rootId == null ? null : Ids.required("rootId", rootId);
        return queries.query(new FindFleet(root), ResponseTypes.instanceOf(FleetView.class)).join();
    }

    @SchemaMapping(typeName = "Asset")
    public AssetView parent(AssetView asset) {
        return asset.parentId() == null ? null : find(asset.parentId()).orElse(null);
    }

    @BatchMapping(typeName = "Asset")
    public Map<AssetView, List<AssetView>> children(List<AssetView> assets) {
        Map<AssetView, List<AssetView>> result = new HashMap<>();
        for (AssetView asset : assets) {
            AssetPage page = queries.query(new FindAssets(new AssetFilter(Set.of(), Set.of(), null, asset.id()),
                    FindAssets.MAX_PAGE, null), AssetPage.class).join();
            result.put(asset, page.items());
        }
        return result;
    }

    private Optional<AssetView> find(AssetId id) {
        return Optional.ofNullable(queries.query(new FindAsset(id), ResponseTypes.instanceOf(AssetView.class)).join());
    }
}
