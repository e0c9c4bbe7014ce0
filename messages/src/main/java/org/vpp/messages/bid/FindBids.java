package org.vpp.messages.bid;

import java.time.LocalDate;

/**
 * A page of bids, newest delivery day first (then by id), keyset-paginated: {@code after} is the last id of the
 * previous page. Answered with a {@link BidPage}.
 *
 * @param deliveryDay only this day's bids; any day when null
 * @param status      only bids in this status; any when null
 * @param first       at most this many bids (1..MAX_PAGE)
 */
public record FindBids(LocalDate deliveryDay, BidStatus status, int first, BidId after) {

    /** A bid carries one row per delivery slot (up to 100), so pages stay small. */
    public static final int MAX_PAGE = 100;
}
