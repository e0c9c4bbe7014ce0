package org.vpp.messages.dispatch;

import java.time.LocalDate;

/**
 * A page of dispatches, latest delivery start first (then by id), keyset-paginated: {@code after} is the last id
 * of the previous page. Answered with a {@link DispatchPage}.
 *
 * @param kind   only dispatches of this kind; any when null
 * @param status only dispatches in this status; any when null
 * @param day    only dispatches of this delivery day: the date of their first slot in the market's time zone
 *               ({@code vpp.bidding.time-zone}, Europe/Berlin), which for a market dispatch is its bid's day; any
 *               when null
 * @param first  at most this many dispatches (1..MAX_PAGE)
 */
public record FindDispatches(DispatchKind kind, DispatchStatus status, LocalDate day, int first, DispatchId after) {

    /** A dispatch carries one row per slot (up to 100) with its setpoints' story, so pages stay small. */
    public static final int MAX_PAGE = 100;
}
