package org.vpp.sagas.dispatch;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.vpp.messages.bid.ContentReference;
import org.vpp.sagas.port.Contents;

/** The content port in memory: values kept as they are, referenced by kind and a counter. */
final class InMemoryContents implements Contents {

    final Map<String, Object> stored = new HashMap<>();
    private int next;

    ContentReference put(String kind, Object value) {
        String sha = String.format("%064x", ++next);
        ContentReference ref = ContentReference.of(kind + ":" + sha, sha);
        stored.put(ref.id(), value);
        return ref;
    }

    @Override
    public ContentReference store(String kind, Object value, Instant now) {
        return put(kind, value);
    }

    @Override
    public <T> T read(ContentReference reference, Class<T> type) {
        Object value = stored.get(reference.id());
        if (value == null) throw new IllegalStateException("no content " + reference.id());
        return type.cast(value);
    }
}
