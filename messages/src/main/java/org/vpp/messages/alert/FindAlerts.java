package org.vpp.messages.alert;

/**
 * A page of alerts, the latest raised first (then by id), keyset-paginated: {@code after} is the last id of the
 * previous page. Answered with an {@link AlertPage}; subscribers get each changed {@link AlertView}.
 *
 * @param active only active (true) or only cleared (false) alerts; both when null
 * @param kind   only this kind; any when null
 * @param first  at most this many (1..MAX_PAGE)
 */
public record FindAlerts(Boolean active, AlertKind kind, int first, AlertId after) {

    public static final int MAX_PAGE = 500;
}
