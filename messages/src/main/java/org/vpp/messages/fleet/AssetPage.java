package org.vpp.messages.fleet;

import java.util.List;

public record AssetPage(List<AssetView> items, boolean hasNextPage, long totalCount) {

    public AssetPage {
        items = List.copyOf(items);
    }
}
