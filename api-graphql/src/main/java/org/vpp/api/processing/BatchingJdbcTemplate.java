package org.vpp.api.processing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The JDBC template of a rebuild's copy, on one connection: consecutive {@code update}s of the same SQL are sent as one
 * JDBC batch (one round trip for a run of status changes instead of one each). Before the connection prepares or
 * creates any other statement (another update, a query, a batch of the projection's own) what is pending is sent, and
 * {@link #flush} is called before each commit, so the statements run in the order the projection issued them and a
 * read sees every write before it. An update answers 1 row before it is sent: in a rebuild every event is applied
 * once, in order, to tables that start empty, so a projection's guarded write ({@code version < ?},
 * {@code ON CONFLICT DO NOTHING}) always applies and the count it would test is 1.
 */
final class BatchingJdbcTemplate extends JdbcTemplate {

    private static final int MAX_BATCH = 500;
    private static final Set<String> NEW_STATEMENT = Set.of("prepareStatement", "createStatement", "prepareCall");

    private String pendingSql;
    private final List<Object[]> pending = new ArrayList<>();
    private final SingleConnectionDataSource dataSource;

    BatchingJdbcTemplate(Connection connection) {
        Connection flushing = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (NEW_STATEMENT.contains(method.getName())) flush();
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        this.dataSource = new SingleConnectionDataSource(flushing, true);
        setDataSource(dataSource);
        afterPropertiesSet();
    }

    /** The one connection, for the lane's transactions. */
    SingleConnectionDataSource connection() {
        return dataSource;
    }

    @Override
    public int update(String sql, Object... args) throws DataAccessException {
        if (!sql.equals(pendingSql)) flush();
        pendingSql = sql;
        pending.add(args.clone());
        if (pending.size() >= MAX_BATCH) flush();
        return 1;
    }

    /** Sends what is pending (a no-op inside its own batch: pending is emptied before it is sent). */
    void flush() {
        if (pending.isEmpty()) return;
        String sql = pendingSql;
        List<Object[]> batch = new ArrayList<>(pending);
        pending.clear();
        pendingSql = null;
        super.batchUpdate(sql, batch);
    }
}
