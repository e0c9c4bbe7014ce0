package org.vpp.api.processing;

import java.util.Optional;
import java.util.Set;

import jakarta.annotation.Nonnull;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs each event handler of a dead-lettering processing group inside a savepoint of the batch transaction.
 * <p>
 * A streaming processor handles a batch of events in one transaction. When a handler's SQL fails, PostgreSQL aborts
 * that whole transaction: every later statement fails with "current transaction is aborted", including the
 * dead-letter queue's own insert, so the event could not be parked and the processor retried the batch forever.
 * Rolling back to a savepoint taken just before the handler undoes only that handler's work and leaves the batch
 * transaction usable: the dead letter is then written in it, committed atomically with the token (a crash cannot
 * leave a dead letter for an event the token has not passed, nor the reverse), and the rest of the batch carries on.
 * <p>
 * The savepoint wraps one handler, not one event: when several handlers of the group see the event, those that
 * succeeded keep their work. Projections are idempotent by event sequence, so retrying the dead letter later is
 * harmless to them.
 */
public final class ProjectionSavepoints implements HandlerEnhancerDefinition {

    private static final TransactionDefinition SAVEPOINT = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

    private final Set<String> processingGroups;
    private final java.util.function.Supplier<PlatformTransactionManager> transactions;

    /**
     * @param processingGroups the groups whose failures go to a dead-letter queue
     * @param transactions     the transaction manager the processors' transactions run on (looked up on first use)
     */
    public ProjectionSavepoints(Set<String> processingGroups, java.util.function.Supplier<PlatformTransactionManager> transactions) {
        this.processingGroups = Set.copyOf(processingGroups);
        this.transactions = transactions;
    }

    @Override
    public @Nonnull <T> MessageHandlingMember<T> wrapHandler(@Nonnull MessageHandlingMember<T> original) {
        if (!original.annotationAttributes(EventHandler.class).isPresent()) return original;
        Optional<String> group = processingGroupOf(original.declaringClass());
        if (group.isEmpty() || !processingGroups.contains(group.get())) return original;
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(@Nonnull Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) return super.handle(message, target);
                PlatformTransactionManager tx = transactions.get();
                TransactionStatus savepoint = tx.getTransaction(SAVEPOINT);
                Object result;
                try {
                    result = super.handle(message, target);
                } catch (Throwable failure) {
                    tx.rollback(savepoint);
                    throw failure;
                }
                tx.commit(savepoint);
                return result;
            }
        };
    }

    static Optional<String> processingGroupOf(Class<?> handlerClass) {
        ProcessingGroup annotation = AnnotationUtils.findAnnotation(handlerClass, ProcessingGroup.class);
        return Optional.ofNullable(annotation).map(ProcessingGroup::value);
    }
}
