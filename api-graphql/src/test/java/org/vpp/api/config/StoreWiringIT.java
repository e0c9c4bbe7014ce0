package org.vpp.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vpp.api.support.ApiIT;
import org.vpp.api.support.Fleet;

/**
 * Axon runs on the JDBC stores inside Spring transactions. Without AxonAfterDataSourceAutoConfiguration, Axon 4.13
 * on Boot 4 falls back to a no-op transaction manager and no event store: this test is what notices.
 */
class StoreWiringIT extends ApiIT {

    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    SagaStore<?> sagaStore;

    @Test
    void axonUsesTheJdbcStoresInSpringTransactions() {
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(transactionManager).isInstanceOf(SpringTransactionManager.class);
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
        assertThat(sagaStore).isInstanceOf(JdbcSagaStore.class);
    }

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("serializer")
    org.axonframework.serialization.Serializer serializer;

    /** A processor started on a stream that already holds events stores a ReplayToken; it must read back. */
    @Test
    void replayTokensSurviveTheTokenStoresSerializer() {
        var token = org.axonframework.eventhandling.ReplayToken.createReplayToken(
                new org.axonframework.eventhandling.GlobalSequenceTrackingToken(42),
                new org.axonframework.eventhandling.GlobalSequenceTrackingToken(7));
        var serialized = serializer.serialize(token, byte[].class);
        assertThat((Object) serializer.deserialize(serialized)).isEqualTo(token);
    }

    @Test
    void eventsLandInTheFlywayOwnedTableAndProjectionsKeepTokens() {
        new Fleet(graphQl()).registerOk(Fleet.group(id("pf"), "PORTFOLIO", "P", null, null));
        Long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, id("pf"));
        assertThat(events).isEqualTo(1);
        Integer topology = jdbc.queryForObject("SELECT count(*) FROM asset_topology WHERE asset_id = ?", Integer.class, id("pf"));
        assertThat(topology).isEqualTo(1);
        Integer tokens = jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = 'fleet'", Integer.class);
        assertThat(tokens).isPositive();
    }
}
