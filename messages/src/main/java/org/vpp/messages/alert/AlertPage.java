package org.vpp.messages.alert;

import java.util.List;

public record AlertPage(List<AlertView> items, boolean hasNextPage, long totalCount) {

    public AlertPage {
        items = List.copyOf(items);
    }
}
