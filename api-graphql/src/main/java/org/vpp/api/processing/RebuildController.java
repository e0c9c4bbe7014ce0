package org.vpp.api.processing;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.vpp.api.graphql.UserError;
import org.vpp.api.security.Callers;
import org.vpp.messages.common.RejectionCode;

/** Projection rebuilds over GraphQL: inputs checked and named, {@link ProjectionRebuilds} asked. */
@Controller
public class RebuildController {

    private final ProjectionRebuilds rebuilds;

    public RebuildController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    public record Rebuilds(List<String> groups, List<ProjectionRebuilds.Progress> rebuilds) {
    }

    public record RebuildInput(String processingGroup, Boolean switchWhenDone) {
    }

    public record SwitchInput(String id) {
    }

    public record Payload(ProjectionRebuilds.Progress rebuild, List<UserError> errors) {
        static Payload refused(String field, RejectionCode code, String message) {
            return new Payload(null, List.of(new UserError(field, code, message)));
        }
    }

    @QueryMapping
    public Rebuilds projectionRebuilds() {
        return new Rebuilds(rebuilds.groups(), rebuilds.all());
    }

    @MutationMapping
    public Payload rebuildProjection(@Argument RebuildInput input) {
        String group = input.processingGroup();
        if (group == null || !rebuilds.groups().contains(group)) {
            boolean printable = group != null && group.length() <= 60 && group.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
            return Payload.refused("input.processingGroup", RejectionCode.NOT_FOUND, "no rebuildable read model "
                    + (printable ? "'" + group + "'" : "of that name") + "; these are: " + String.join(", ", rebuilds.groups()));
        }
        var active = rebuilds.active(group);
        if (active.isPresent()) {
            return Payload.refused("input.processingGroup", RejectionCode.DUPLICATE, "rebuild " + active.get().id() + " of "
                    + group + " is " + active.get().status() + "; one at a time per read model");
        }
        String by = Callers.current().map(c -> c.subject()).orElse("unknown");
        try {
            return new Payload(rebuilds.start(group, input.switchWhenDone() == null || input.switchWhenDone(), by), List.of());
        } catch (IllegalStateException raced) {
            return Payload.refused("input.processingGroup", RejectionCode.DUPLICATE, raced.getMessage());
        }
    }

    @MutationMapping
    public Payload switchProjection(@Argument SwitchInput input) {
        var rebuild = input.id() == null ? java.util.Optional.<ProjectionRebuilds.Progress>empty() : rebuilds.find(input.id());
        if (rebuild.isEmpty()) return Payload.refused("input.id", RejectionCode.NOT_FOUND, "no projection rebuild with that id");
        if (!rebuilds.switchOver(input.id())) {
            return Payload.refused("input.id", RejectionCode.NOT_ALLOWED, "the rebuild is " + rebuild.get().status()
                    + "; only a READY one waits for a switch");
        }
        return new Payload(rebuilds.find(input.id()).orElseThrow(), List.of());
    }
}
