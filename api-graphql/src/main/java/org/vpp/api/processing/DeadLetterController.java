package org.vpp.api.processing;

import java.util.List;
import java.util.Optional;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.vpp.api.graphql.BadArgumentException;
import org.vpp.api.graphql.UserError;
import org.vpp.messages.common.RejectionCode;

/** The dead-letter queues over GraphQL: arguments checked and named, {@link DeadLetters} asked. */
@Controller
public class DeadLetterController {

    static final int MAX_PAGE = 1000;

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    public record Group(String processingGroup, long size) {
    }

    public record Queues(List<Group> groups, List<DeadLetters.Letter> letters) {
    }

    public record RetryInput(String processingGroup) {
    }

    public record RetryPayload(int tried, int cleared, int stillFailing, long remaining, List<UserError> errors) {
    }

    public record EvictInput(String processingGroup, String id) {
    }

    public record EvictPayload(boolean evicted, List<UserError> errors) {
    }

    @QueryMapping
    public Queues deadLetters(@Argument String processingGroup, @Argument Integer first) {
        int size = first == null ? 100 : first;
        if (size < 1 || size > MAX_PAGE) throw new BadArgumentException("first", "must be between 1 and " + MAX_PAGE + ", got " + size);
        if (processingGroup != null && !deadLetters.has(processingGroup)) {
            throw new BadArgumentException("processingGroup", unknown(processingGroup));
        }
        List<Group> groups = deadLetters.groups().stream().map(g -> new Group(g, deadLetters.size(g))).toList();
        return new Queues(groups, deadLetters.list(processingGroup, size));
    }

    @MutationMapping
    public RetryPayload retryDeadLetters(@Argument RetryInput input) {
        Optional<UserError> problem = groupProblem(input.processingGroup());
        if (problem.isPresent()) return new RetryPayload(0, 0, 0, 0, List.of(problem.get()));
        DeadLetters.Retry retry = deadLetters.retry(input.processingGroup());
        return new RetryPayload(retry.tried(), retry.cleared(), retry.stillFailing(), retry.remaining(), List.of());
    }

    @MutationMapping
    public EvictPayload evictDeadLetter(@Argument EvictInput input) {
        Optional<UserError> problem = groupProblem(input.processingGroup());
        if (problem.isPresent()) return new EvictPayload(false, List.of(problem.get()));
        if (input.id() == null || input.id().isBlank() || input.id().length() > 255
                || !input.id().chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            return new EvictPayload(false, List.of(new UserError("input.id", RejectionCode.INVALID_VALUE,
                    "must be a dead letter's id as deadLetters lists it")));
        }
        if (!deadLetters.evict(input.processingGroup(), input.id())) {
            return new EvictPayload(false, List.of(new UserError("input.id", RejectionCode.NOT_FOUND,
                    "no dead letter " + input.id() + " in " + input.processingGroup())));
        }
        return new EvictPayload(true, List.of());
    }

    private Optional<UserError> groupProblem(String group) {
        if (group != null && deadLetters.has(group)) return Optional.empty();
        return Optional.of(new UserError("input.processingGroup", RejectionCode.NOT_FOUND, unknown(group)));
    }

    private String unknown(String group) {
        String shown = group == null ? "null" : group.length() > 60 || !group.chars().allMatch(c -> c >= 0x20 && c < 0x7F)
                ? "that name" : "'" + group + "'";
        return "no processing group " + shown + " parks dead letters; these do: " + String.join(", ", deadLetters.groups());
    }
}
