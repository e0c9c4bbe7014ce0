package org.vpp.api.bidding;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of stored content (snapshots, forecasts, schedules): deterministic (sorted map keys, ISO instants), so
 * the same content always has the same bytes and the same SHA-256.
 */
public final class Json {

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public byte[] bytes(Object value) {
        return mapper.writeValueAsBytes(value);
    }

    public <T> T read(byte[] content, Class<T> type) {
        return mapper.readValue(content, type);
    }
}
