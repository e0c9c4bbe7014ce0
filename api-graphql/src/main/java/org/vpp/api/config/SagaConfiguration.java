package org.vpp.api.config;

import java.time.Duration;
import java.time.InstantSource;

import javax.sql.DataSource;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
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
import org.vpp.api.simulation.SimulationProperties;
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
 *       schedules or cancels (the data source is transaction-aware), so a rolled-back step leaves no deadline. A
 *       deadline cancelled while it runs does not fail the step that cancels it ({@link PersistentDeadlineManager}); one
 *       whose process died while running it runs again after {@link #DEAD_AFTER} ({@link ReviveOnSchedulerClock}).</li>
 * </ul>
 * The scheduler starts after Axon and stops right after the process driver, before Axon's buses.
 */
@Configuration(proxyBeanMethods = false)
public class SagaConfiguration {

    /** Real time between two looks at {@code scheduled_tasks}; what is due is decided on the application clock. */
    static final Duration POLL_EVERY = Duration.ofMillis(500);
    /** Real time between two heartbeats of the deadlines being run, and between two looks for dead ones. */
    static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(30);
    /** Real time without a heartbeat after which a deadline's run is taken as dead (its process gone) and revived. */
    static final Duration DEAD_AFTER = Duration.ofMinutes(3);

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

    /**
     * Axon's deadline task, revived on the scheduler's clock when the process running it died
     * ({@link ReviveOnSchedulerClock}), and declared dead after {@link #DEAD_AFTER} of real time without a heartbeat.
     * db-scheduler measures that age on its clock, so on a simulated clock the limit is scaled by its speed.
     */
    @Bean
    public Scheduler deadlineScheduler(DataSource dataSource, InstantSource clock, ApplicationContext context,
                                       SimulationProperties simulation) {
        Task<DbSchedulerBinaryDeadlineDetails> axons =
                DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
        SchedulerClock schedulerClock = new SchedulerClock(clock);
        OneTimeTask<DbSchedulerBinaryDeadlineDetails> deadlines = Tasks.oneTime(axons.getName(), DbSchedulerBinaryDeadlineDetails.class)
                .onDeadExecution(new ReviveOnSchedulerClock<>(schedulerClock))
                .execute((instance, execution) -> axons.execute(instance, execution)); // its completion is the one-time task's
        double speed = simulation.enabled() ? simulation.speed() : 1;
        int missedHeartbeats = (int) Math.max(4, Math.round(DEAD_AFTER.dividedBy(HEARTBEAT_EVERY) * speed)); // db-scheduler asks for 4 or more
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), deadlines)
                .clock(schedulerClock)
                .heartbeatInterval(HEARTBEAT_EVERY)
                .missedHeartbeatsLimit(missedHeartbeats)
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
        DbSchedulerDeadlineManager manager = new PersistentDeadlineManager(DbSchedulerDeadlineManager.builder()
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactions)
                .startScheduler(false)
                .stopScheduler(false), deadlineScheduler);
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
