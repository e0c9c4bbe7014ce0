package org.vpp.messages.forecast;

import java.util.List;

/** A page of forecast sources, and how many there are in all (of the kind asked for). */
public record ForecastSourcePage(List<ForecastSourceView> items, boolean hasNextPage, long totalCount) {

    public ForecastSourcePage {
        items = List.copyOf(items);
    }
}
