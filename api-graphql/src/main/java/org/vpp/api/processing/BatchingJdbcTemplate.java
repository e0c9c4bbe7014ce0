package org.vpp.api.processing;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The JDBC template of a rebuild's copy: consecutive {@code update}s of the same SQL are sent as one JDBC batch (one
 * round trip for a run of status changes instead of one each). Anything else (another statement, a query, a batch of
 * the projection's own, the commit) first sends what is pending, so the statements still run in the order the
 * projection issued them. An update answers 1 row before it is sent: in a rebuild every event is applied once, in
 * order, to tables that start empty, so a projection's guarded write ({@code version < ?}, {@code ON CONFLICT DO
 * NOTHING}) always applies and the count it would test is 1; the handlers use it only to skip notifying subscribers,
 * which a copy has none of.
 */
final class BatchingJdbcTemplate extends JdbcTemplate {

    private static final int MAX_BATCH = 500;

    private String pendingSql;
    private final List<Object[]> pending = new ArrayList<>();

    BatchingJdbcTemplate(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    public int update(String sql, Object... args) throws DataAccessException {
        if (!sql.equals(pendingSql)) flush();
        pendingSql = sql;
        pending.add(args.clone());
        if (pending.size() >= MAX_BATCH) flush();
        return 1;
    }

    /** Sends what is pending; called before any other statement and before the lane commits. */
    void flush() {
        if (pending.isEmpty()) return;
        String sql = pendingSql;
        List<Object[]> batch = new ArrayList<>(pending);
        pending.clear();
        pendingSql = null;
        super.batchUpdate(sql, batch);
    }

    @Override
    public void execute(String sql) throws DataAccessException {
        flush();
        super.execute(sql);
    }

    @Override
    public <T> T execute(org.springframework.jdbc.core.ConnectionCallback<T> action) throws DataAccessException {
        flush();
        return super.execute(action);
    }

    @Override
    public <T> T execute(org.springframework.jdbc.core.StatementCallback<T> action) throws DataAccessException {
        flush();
        return super.execute(action);
    }

    @Override
    public <T> T execute(org.springframework.jdbc.core.PreparedStatementCreator psc,
                         org.springframework.jdbc.core.PreparedStatementCallback<T> action) throws DataAccessException {
        flush(); // a no-op inside the flush's own batch: pending is emptied before it is sent
        return super.execute(psc, action);
    }
}
