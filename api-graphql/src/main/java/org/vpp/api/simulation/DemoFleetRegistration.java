package org.vpp.api.simulation;

import java.util.List;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import org.vpp.api.graphql.ReadYourWrites;
import org.vpp.messages.asset.RegisterAsset;
import org.vpp.messages.common.CommandRejection;
import org.vpp.messages.common.RejectionCode;
import org.vpp.simulator.demo.AssetSpec;

/**
 * Registers a simulated fleet through the same commands an operator would send, resuming whatever a previous run
 * left unfinished. Each registration is sent; the command side answers "already exists" for an asset whose events
 * are stored, which counts as done. The read model is not asked: after a crash it may lag the event store, or hold
 * parked events, and a check against it would re-register what exists and fail the start.
 */
@Component
public class DemoFleetRegistration {

    private final CommandGateway commands;
    private final ReadYourWrites reads;

    public DemoFleetRegistration(CommandGateway commands, ReadYourWrites reads) {
        this.commands = commands;
        this.reads = reads;
    }

    /** @return how many assets were registered now (0 when the whole fleet was already there) */
    public int registerIfAbsent(List<AssetSpec> specs) {
        List<RegisterAsset> registrations = DemoFleetCommands.of(specs);
        int registered = 0;
        for (RegisterAsset r : registrations) {
            if (register(r)) registered++;
        }
        // Telemetry is validated against the read model: wait until it shows the last asset.
        if (!registrations.isEmpty()) reads.await(registrations.getLast().assetId(), 0);
        return registered;
    }

    /** @return true when registered now, false when the event store already holds the asset */
    private boolean register(RegisterAsset registration) {
        try {
            commands.sendAndWait(registration);
            return true;
        } catch (CommandExecutionException e) {
            if (alreadyExists(e)) return false;
            throw e;
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            // The event store refused a second stream with this id (e.g. on Axon Server, where no lookup table is
            // written in the same transaction as the events).
            return false;
        }
    }

    static boolean alreadyExists(CommandExecutionException e) {
        return e.getDetails().filter(CommandRejection.class::isInstance).map(CommandRejection.class::cast)
                .filter(r -> r.code() == RejectionCode.DUPLICATE && r.field().equals("assetId"))
                .isPresent();
    }
}
