package org.vpp.api.processing;

import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A read model that can be rebuilt beside the one in use: its processing group, its tables (parents first), a fresh
 * instance of its projection writing through the JDBC template it is given (its emitter and caches not shared with
 * the live one), and what to refresh once the rebuilt tables are in use.
 */
public record RebuildableProjection(String processingGroup, List<String> tables, Function<JdbcTemplate, Object> projection,
                                    Runnable afterSwitch) {

    public RebuildableProjection {
        tables = List.copyOf(tables);
    }
}
