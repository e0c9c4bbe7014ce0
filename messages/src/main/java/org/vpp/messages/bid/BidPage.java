package org.vpp.messages.bid;

import java.util.List;

public record BidPage(List<BidView> items, boolean hasNextPage, long totalCount) {

    public BidPage {
        items = List.copyOf(items);
    }
}
