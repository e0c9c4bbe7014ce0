package org.vpp.api.simulation;

import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.vpp.api.graphql.ReadYourWrites;
import org.vpp.messages.asset.RegisterAsset;
import org.vpp.simulator.demo.AssetSpec;

/** Registers a simulated fleet through the same commands an operator would send, unless it is already there. */
@Component
public class DemoFleetRegistration {

    private final CommandGateway commands;
    private final ReadYourWrites reads;

    public DemoFleetRegistration(CommandGateway commands, ReadYourWrites reads) {
        this.commands = commands;
        this.reads = reads;
    }

    /** @return how many assets were registered now (0 when the fleet was already there) */
    public int registerIfAbsent(List<AssetSpec> specs) {
        List<RegisterAsset> registrations = DemoFleetCommands.of(specs);
        int registered = 0;
        for (RegisterAsset r : registrations) {
            if (reads.current(r.assetId()).isPresent()) continue;
            commands.sendAndWait(r);
            registered++;
        }
        // Telemetry is validated against the read model: wait until it shows the last asset.
        if (!registrations.isEmpty()) reads.await(registrations.getLast().assetId(), 0);
        return registered;
    }
}
