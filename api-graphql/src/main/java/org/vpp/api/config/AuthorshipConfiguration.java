package org.vpp.api.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vpp.api.security.Callers;
import org.vpp.messages.common.Authorship;
import org.vpp.sagas.bidding.BiddingCycleSaga;
import org.vpp.sagas.clock.ProcessDriver;
import org.vpp.sagas.dispatch.DispatchSaga;

/**
 * Every command and event names its author ({@link Authorship}):
 * <ul>
 *   <li>a command sent for a person (a GraphQL mutation) carries the token's subject and role, stamped as it is
 *       dispatched;</li>
 *   <li>what a saga sends or schedules while handling an event carries the saga ({@code saga:BiddingCycleSaga}), and a
 *       deadline's handling keeps the authorship it was scheduled with;</li>
 *   <li>a clock process's command carries the process ({@code process:forecast}); anything else, e.g. the demo fleet
 *       registered at start-up, {@code system};</li>
 *   <li>events take their command's authorship through the unit of work's correlation data, as Axon's own
 *       {@code traceId}/{@code correlationId} do: the {@code traceId} of every message of a cycle is the id of the
 *       message that started it.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class AuthorshipConfiguration {

    /** Unit-of-work resource: the saga on whose behalf the current message is handled. */
    static final String ACTING_SAGA = "vpp.actingSaga";

    @Bean
    public static CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Copies the author from the handled message to the messages it causes, unless a saga is the one acting. */
    @Bean
    public static CorrelationDataProvider authorshipProvider() {
        return message -> {
            if (CurrentUnitOfWork.isStarted()) {
                Object saga = CurrentUnitOfWork.get().getResource(ACTING_SAGA);
                if (saga != null) return Map.of(Authorship.AUTHOR, "saga:" + saga, Authorship.ROLE, Authorship.SYSTEM);
            }
            Map<String, Object> data = new HashMap<>();
            Object author = message.getMetaData().get(Authorship.AUTHOR);
            Object role = message.getMetaData().get(Authorship.ROLE);
            if (author != null) data.put(Authorship.AUTHOR, author);
            if (role != null) data.put(Authorship.ROLE, role);
            return data;
        };
    }

    @Autowired
    public void stampCommands(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(new AuthorStamping());
    }

    @Autowired
    public void markSagaHandling(EventProcessingConfigurer processing) {
        for (Class<?> saga : List.of(BiddingCycleSaga.class, DispatchSaga.class)) {
            String name = saga.getSimpleName();
            processing.registerHandlerInterceptor(name + "Processor", c -> actingSaga(name));
        }
    }

    private static MessageHandlerInterceptor<org.axonframework.eventhandling.EventMessage<?>> actingSaga(String name) {
        return (unitOfWork, chain) -> {
            unitOfWork.resources().put(ACTING_SAGA, name);
            return chain.proceed();
        };
    }

    /** Names the author of a command that has none yet: the person calling, else the clock process, else the system. */
    static final class AuthorStamping implements MessageDispatchInterceptor<CommandMessage<?>> {

        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
            return (index, command) -> command.getMetaData().containsKey(Authorship.AUTHOR) ? command : command.andMetaData(author());
        }

        private static Map<String, String> author() {
            var caller = Callers.current();
            if (caller.isPresent()) {
                return Map.of(Authorship.AUTHOR, caller.get().subject(), Authorship.ROLE, caller.get().role().name());
            }
            String who = ProcessDriver.currentProcess().map(p -> "process:" + p).orElse("system");
            return Map.of(Authorship.AUTHOR, who, Authorship.ROLE, Authorship.SYSTEM);
        }
    }
}
