package org.vpp.messages.dispatch;

import java.util.List;

public record DispatchPage(List<DispatchView> items, boolean hasNextPage, long totalCount) {

    public DispatchPage {
        items = List.copyOf(items);
    }
}
