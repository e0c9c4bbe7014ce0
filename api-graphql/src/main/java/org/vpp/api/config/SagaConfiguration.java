package org.vpp.api.config;

import java.time.Duration;
import java.time.InstantSource;

import javax.sql.DataSource;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.vpp.sagas.bidding.BiddingCycleSaga;
import org.vpp.sagas.dispatch.DispatchSaga;

/**
 * The sagas of {@code sagas/} and what they stand on:
 * <ul>
 *   <li>registration with Axon ({@code registerSaga}: the saga classes carry no Spring stereotype), on the JDBC saga
 *       store;</li>
 *   <li>a saga store whose serializer reads the sagas' private fields (they keep workflow state only and expose
 *       no getters);</li>
 *   <li><b>persistent deadlines</b>: Axon's {@link DbSchedulerDeadlineManager} on db-scheduler, on the application's
 *       PostgreSQL (table {@code scheduled_tasks}), so a deadline survives a restart. db-scheduler reads time from the
 *       application clock ({@link SchedulerClock}: moving on in real time while that clock stands still, or its poll
 *       would wait forever): a deadline at a simulated instant fires when the simulated clock gets there, and tests
 *       that step their clock see deadlines fire as they step. Its writes join the transaction of the saga that
 *       schedules or cancels (the data source is transaction-aware), so a rolled-back step leaves no deadline.</li>
 * </ul>
 * The scheduler starts after Axon and stops right after the process driver, before Axon's buses.
 */
@Configuration(proxyBeanMethods = false)
public class SagaConfiguration {

    /** Real time between two looks at {@code scheduled_tasks}; what is due is decided on the application clock. */
    static final Duration POLL_EVERY = Duration.ofMillis(500);

    /**
     * {@code vpp.bidding.cycle-saga=false} leaves the saga out: the Bid then moves only by the commands sent to it
     * (the API's tests of the read model and the exchange drive it step by step that way).
     */
    @Autowired
    public void registerSagas(EventProcessingConfigurer processing, Environment environment) {
        if (environment.getProperty("vpp.bidding.cycle-saga", Boolean.class, true)) {
            processing.registerSaga(BiddingCycleSaga.class);
        }
        if (environment.getProperty("vpp.dispatch.saga", Boolean.class, true)) {
            processing.registerSaga(DispatchSaga.class);
        }
    }

    @Bean
    public JdbcSagaStore sagaStore(ConnectionProvider connections, SagaSqlSchema schema) {
        Serializer fields = Jackson3Serializer.builder()
                .jsonMapperBuilderCustomizer(mapper -> mapper.changeDefaultVisibility(v -> v
                        .withVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                        .withVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                        .withVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)))
                .build();
        return JdbcSagaStore.builder().connectionProvider(connections).sqlSchema(schema).serializer(fields).build();
    }

    @Bean
    public Scheduler deadlineScheduler(DataSource dataSource, InstantSource clock, ApplicationContext context) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource),
                        DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class)))
                .clock(new SchedulerClock(clock))
                .pollingInterval(POLL_EVERY)
                .enableImmediateExecution()
                .threads(2)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    @Bean
    public DbSchedulerDeadlineManager deadlineManager(Scheduler deadlineScheduler,
                                                      org.axonframework.config.Configuration axon,
                                                      @Qualifier("eventSerializer") Serializer serializer,
                                                      TransactionManager transactions,
                                                      java.util.List<org.axonframework.messaging.correlation.CorrelationDataProvider> correlation) {
        DbSchedulerDeadlineManager manager = DbSchedulerDeadlineManager.builder()
                .scheduler(deadlineScheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactions)
                .startScheduler(false)
                .stopScheduler(false)
                .build();
        // What a deadline's handler sends carries the deadline's correlation data (its trace and author), as what an
        // event handler sends does; Axon's configuration does this for the components it builds, not for this one.
        manager.registerHandlerInterceptor(new org.axonframework.messaging.interceptors.CorrelationDataInterceptor<>(correlation));
        return manager;
    }

    /** Starts polling for due deadlines once Axon runs; stops after the process driver and before Axon's buses. */
    @Bean
    public SmartLifecycle deadlineSchedulerLifecycle(Scheduler deadlineScheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                deadlineScheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                deadlineScheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE - 1;
            }
        };
    }
}
