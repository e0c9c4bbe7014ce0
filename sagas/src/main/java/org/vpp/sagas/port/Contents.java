package org.vpp.sagas.port;

import java.time.Instant;

import org.vpp.messages.bid.ContentReference;

/**
 * Large immutable values stored once and referenced from events by id and SHA-256 (a dispatch's plan, a slot's
 * per-device measurement, a settlement per device). A port: the content table.
 */
public interface Contents {

    ContentReference store(String kind, Object value, Instant now);

    /** Reads a stored value again, its hash checked; throws when it is missing or altered. */
    <T> T read(ContentReference reference, Class<T> type);
}
