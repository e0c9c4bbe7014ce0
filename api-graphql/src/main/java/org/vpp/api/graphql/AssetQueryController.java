package org.vpp.api.graphql;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import org.vpp.kernel.AssetKind;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetStatus;
import org.vpp.messages.fleet.AssetFilter;
import org.vpp.messages.fleet.AssetPage;
import org.vpp.messages.fleet.AssetView;
import org.vpp.messages.fleet.FindAsset;
import org.vpp.messages.fleet.FindAssets;
import org.vpp.messages.fleet.FindChildren;
import org.vpp.messages.fleet.FindFleet;
import org.vpp.messages.fleet.FindFleetAsOf;
import org.vpp.messages.fleet.FleetView;
import reactor.core.publisher.Mono;

/** Reads: translates GraphQL arguments into queries on the fleet read model, and back. */
@Controller
public class AssetQueryController {

    private final QueryGateway queries;
    private final InstantSource clock;

    public AssetQueryController(QueryGateway queries, BatchLoaderRegistry loaders, InstantSource clock) {
        this.queries = queries;
        this.clock = clock;
        loaders.forTypePair(ChildrenKey.class, AssetPage.class)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> childrenPages(keys)));
    }

    /** One parent's page of children, as one field of an answer asks for it. */
    record ChildrenKey(AssetId parent, int first, AssetId after) {
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
    public FleetView fleet(@Argument String rootId, @Argument Instant asOf) {
        AssetId root = rootId == null ? null : Ids.required("rootId", rootId);
        if (asOf == null) return queries.query(new FindFleet(root), ResponseTypes.instanceOf(FleetView.class)).join();
        Instants.notAfter("asOf", asOf, clock.instant());
        return queries.query(new FindFleetAsOf(root, asOf), ResponseTypes.instanceOf(FleetView.class)).join();
    }

    /**
     * The view's nodes, depth-first; with {@code maxDepth}, only those at most that many levels below the view's top
     * (0: the top alone), so a dashboard drills down a level at a time instead of taking 10,000 nodes at once.
     */
    @SchemaMapping(typeName = "Fleet")
    public List<org.vpp.messages.fleet.FleetNodeView> nodes(FleetView fleet, @Argument Integer maxDepth) {
        if (maxDepth == null) return fleet.nodes();
        if (maxDepth < 0) throw new BadArgumentException("maxDepth", "must be 0 or more, got " + maxDepth);
        int top = fleet.nodes().stream().mapToInt(org.vpp.messages.fleet.FleetNodeView::depth).min().orElse(0);
        return fleet.nodes().stream().filter(n -> n.depth() - top <= maxDepth).toList();
    }

    @SchemaMapping(typeName = "Asset")
    public AssetView parent(AssetView asset) {
        return asset.parentId() == null ? null : find(asset.parentId()).orElse(null);
    }

    /**
     * An asset's direct children as a connection. Every asset's {@code children} in one answer are loaded together
     * (DataLoader): one query for all parents that ask for the same page, not one per parent.
     */
    @SchemaMapping(typeName = "Asset")
    public CompletableFuture<AssetConnection> children(AssetView asset, @Argument Integer first, @Argument String after,
                                                       DataLoader<ChildrenKey, AssetPage> loader) {
        int size = first == null ? 50 : first;
        if (size < 1 || size > FindAssets.MAX_PAGE) {
            throw new BadArgumentException("first", "must be between 1 and " + FindAssets.MAX_PAGE + ", got " + size);
        }
        AssetId afterId = after == null ? null : AssetConnection.decode(after);
        return loader.load(new ChildrenKey(asset.id(), size, afterId)).thenApply(page -> AssetConnection.of(page, afterId != null));
    }

    private Map<ChildrenKey, AssetPage> childrenPages(Set<ChildrenKey> keys) {
        Map<ChildrenKey, AssetPage> result = new HashMap<>();
        Map<List<Object>, List<ChildrenKey>> byPage = new HashMap<>();
        for (ChildrenKey key : keys) byPage.computeIfAbsent(java.util.Arrays.asList(key.first(), key.after()), k -> new ArrayList<>()).add(key);
        for (List<ChildrenKey> group : byPage.values()) {
            ChildrenKey any = group.getFirst();
            FindChildren.ChildrenPages pages = queries.query(new FindChildren(group.stream().map(ChildrenKey::parent).toList(),
                    any.first(), any.after()), ResponseTypes.instanceOf(FindChildren.ChildrenPages.class)).join();
            Map<AssetId, AssetPage> byParent = new HashMap<>();
            pages.pages().forEach(p -> byParent.put(p.parentId(), p.page()));
            for (ChildrenKey key : group) {
                result.put(key, byParent.getOrDefault(key.parent(), new AssetPage(List.of(), false, 0)));
            }
        }
        return result;
    }

    private Optional<AssetView> find(AssetId id) {
        return Optional.ofNullable(queries.query(new FindAsset(id), ResponseTypes.instanceOf(AssetView.class)).join());
    }
}
