package org.vpp.api.dispatch;

import java.time.Instant;
import java.util.Objects;

import org.vpp.api.bidding.Json;
import org.vpp.messages.bid.ContentReference;
import org.vpp.query.content.ContentStore;
import org.vpp.sagas.port.Contents;

/**
 * Large values of the dispatches (plans, slot measurements, settlements) as stored content: deterministic JSON
 * ({@link Json}) in {@code stored_content} ({@link ContentStore}), under the kind and the SHA-256 of the JSON, the
 * hash checked again on every read.
 */
public class JdbcContents implements Contents {

    private final ContentStore store;
    private final Json json;

    public JdbcContents(ContentStore store, Json json) {
        this.store = Objects.requireNonNull(store, "store");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** Stores the value once (the same value again is the same content) and answers its reference. */
    @Override
    public ContentReference store(String kind, Object value, Instant now) {
        return store.store(kind, json.bytes(value), now);
    }

    /** The value again; an {@link IllegalStateException} naming the id when it is missing or does not match its hash. */
    @Override
    public <T> T read(ContentReference reference, Class<T> type) {
        byte[] content = store.read(reference).orElseThrow(() ->
                new IllegalStateException("stored content " + reference.id() + " is missing"));
        return json.read(content, type);
    }
}
