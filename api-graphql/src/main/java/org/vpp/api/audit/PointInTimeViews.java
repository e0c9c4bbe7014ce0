package org.vpp.api.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.vpp.api.processing.RebuildableProjection;

/**
 * One aggregate's read-model view as of a past instant, by the live view's own code: the aggregate's events recorded
 * up to the instant are handed to a fresh instance of its projection writing into temporary copies of the projection's
 * tables (session-local, found before the real ones by PostgreSQL's search order, dropped with the transaction,
 * which is rolled back), and the view is read back with the live view's repository. Nothing anyone else sees changes.
 * Cost: the copies' creation (a few milliseconds per table) and the aggregate's own events; independent of the size
 * of the store.
 */
public class PointInTimeViews {

    private final DataSource dataSource;
    private final EventStore events;
    private final Map<String, RebuildableProjection> projections;

    public PointInTimeViews(DataSource dataSource, EventStore events, List<RebuildableProjection> projections) {
        this.dataSource = dataSource;
        this.events = events;
        this.projections = projections.stream().collect(Collectors.toMap(RebuildableProjection::processingGroup, p -> p));
    }

    /**
     * The view {@code read} finds after the events of {@code aggregateId} recorded at or before {@code asOf} are
     * projected by the group's projection; empty when none was recorded by then.
     */
    public <T> Optional<T> asOf(String processingGroup, String aggregateId, Instant asOf, Function<JdbcTemplate, Optional<T>> read) {
        RebuildableProjection projection = projections.get(processingGroup);
        if (projection == null) throw new IllegalArgumentException("no projection " + processingGroup);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                try (Statement sql = connection.createStatement()) {
                    for (String table : projection.tables()) {
                        sql.execute("CREATE TEMP TABLE " + table + " (LIKE public." + table + " INCLUDING ALL) ON COMMIT DROP");
                    }
                }
                JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(projection.projection().apply(jdbc));
                int applied = 0;
                DomainEventStream stream = events.readEvents(aggregateId, 0);
                while (stream.hasNext()) {
                    DomainEventMessage<?> event = stream.next();
                    if (event.getTimestamp().isAfter(asOf)) break;
                    if (handler.canHandle(event)) handler.handle(event);
                    applied++;
                }
                return applied == 0 ? Optional.empty() : read.apply(jdbc);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not rebuild " + aggregateId + " as of " + asOf + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the projection failed rebuilding " + aggregateId + " as of " + asOf + ": " + e, e);
        }
    }
}
