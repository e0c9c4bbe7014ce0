package org.vpp.api.graphql;

import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.GeoLocation;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetStatus;
import org.vpp.messages.asset.ChangeAssetStatus;
import org.vpp.messages.asset.DecommissionAsset;
import org.vpp.messages.asset.MoveAsset;
import org.vpp.messages.asset.RegisterAsset;
import org.vpp.messages.asset.RenameAsset;
import org.vpp.messages.asset.UpdateAssetLimits;
import org.vpp.messages.common.CommandRejection;
import org.vpp.messages.common.RejectionCode;
import org.vpp.messages.fleet.AssetView;

/**
 * Writes: each mutation takes one input, sends one command and answers with a payload: the asset as the read model
 * shows it afterwards, or the refusal naming the field (prefixed {@code input.}) with nothing changed.
 */
@Controller
public class AssetMutationController {

    private static final String INPUT = "input.";

    private final CommandGateway commands;
    private final ReadYourWrites reads;

    public AssetMutationController(CommandGateway commands, ReadYourWrites reads) {
        this.commands = commands;
        this.reads = reads;
    }

    public record RegisterAssetInput(String id, AssetKind kind, String name, String parentId, LocationInput location,
                                     TechnicalLimits limits, AssetStatus initialStatus) {
    }

    /** Bound as given, so that a position off the globe is refused naming its field, not as a binding failure. */
    public record LocationInput(double latitude, double longitude) {

        Optional<UserError> problem() {
            if (!(latitude >= -90 && latitude <= 90)) {
                return Optional.of(new UserError(INPUT + "location.latitude", RejectionCode.INVALID_VALUE,
                        "must be in [-90, 90], got " + latitude));
            }
            if (!(longitude >= -180 && longitude <= 180)) {
                return Optional.of(new UserError(INPUT + "location.longitude", RejectionCode.INVALID_VALUE,
                        "must be in [-180, 180], got " + longitude));
            }
            return Optional.empty();
        }
    }

    public record UpdateAssetLimitsInput(String id, TechnicalLimits limits) {
    }

    public record RenameAssetInput(String id, String name) {
    }

    public record MoveAssetInput(String id, String newParentId) {
    }

    public record ChangeAssetStatusInput(String id, AssetStatus status, String reason) {
    }

    public record DecommissionAssetInput(String id, String reason) {
    }

    @MutationMapping
    public AssetPayload registerAsset(@Argument RegisterAssetInput input) {
        Optional<UserError> badId = Ids.problem(INPUT + "id", input.id(), true)
                .or(() -> Ids.problem(INPUT + "parentId", input.parentId(), false))
                .or(() -> input.location() == null ? Optional.empty() : input.location().problem());
        if (badId.isPresent()) return AssetPayload.refused(null, badId.get());
        AssetId id = AssetId.of(input.id());
        GeoLocation location = input.location() == null ? null
                : new GeoLocation(input.location().latitude(), input.location().longitude());
        var command = new RegisterAsset(id, input.kind(), input.name(), Ids.orNull(input.parentId()), location,
                withStorageDefaults(input.kind(), input.limits()), input.initialStatus());
        return send(id, () -> {
            commands.sendAndWait(command);
            return 0L;
        });
    }

    @MutationMapping
    public AssetPayload updateAssetLimits(@Argument UpdateAssetLimitsInput input) {
        return onExisting(input.id(), null, id -> {
            AssetKind kind = reads.current(id).map(AssetView::kind).orElse(null);
            return new UpdateAssetLimits(id, withStorageDefaults(kind, input.limits()));
        });
    }

    @MutationMapping
    public AssetPayload renameAsset(@Argument RenameAssetInput input) {
        return onExisting(input.id(), null, id -> new RenameAsset(id, input.name()));
    }

    @MutationMapping
    public AssetPayload moveAsset(@Argument MoveAssetInput input) {
        return onExisting(input.id(), Ids.problem(INPUT + "newParentId", input.newParentId(), true).orElse(null),
                id -> new MoveAsset(id, AssetId.of(input.newParentId())));
    }

    @MutationMapping
    public AssetPayload changeAssetStatus(@Argument ChangeAssetStatusInput input) {
        return onExisting(input.id(), null, id -> new ChangeAssetStatus(id, input.status(), input.reason()));
    }

    @MutationMapping
    public AssetPayload decommissionAsset(@Argument DecommissionAssetInput input) {
        return onExisting(input.id(), null, id -> new DecommissionAsset(id, input.reason()));
    }

    /** A command on an asset that must exist; an unknown id is refused before anything is sent. */
    private AssetPayload onExisting(String rawId, UserError otherProblem, java.util.function.Function<AssetId, Object> command) {
        Optional<UserError> badId = Ids.problem(INPUT + "id", rawId, true);
        if (badId.isPresent()) return AssetPayload.refused(null, badId.get());
        AssetId id = AssetId.of(rawId);
        if (otherProblem != null) return AssetPayload.refused(reads.current(id).orElse(null), otherProblem);
        if (reads.current(id).isEmpty()) {
            return AssetPayload.refused(null, new UserError(INPUT + "id", RejectionCode.NOT_FOUND, "no asset with id " + rawId));
        }
        Object cmd = command.apply(id);
        return send(id, () -> commands.sendAndWait(cmd));
    }

    private AssetPayload send(AssetId id, Supplier<Long> sendCommand) {
        try {
            long version = sendCommand.get();
            return AssetPayload.after(reads.await(id, version));
        } catch (CommandExecutionException e) {
            Optional<CommandRejection> rejection = UserError.rejectionIn(e);
            if (rejection.isEmpty()) throw e;
            return AssetPayload.refused(reads.current(id).orElse(null), UserError.from(rejection.get(), INPUT));
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            // Two registrations of one id raced past the lookup; the event store's unique key kept one.
            return AssetPayload.refused(reads.current(id).orElse(null),
                    new UserError(INPUT + "id", RejectionCode.DUPLICATE, "an asset with id " + id + " already exists"));
        }
    }

    /** SoC bounds default to [0, 1] without reserve for storage, as the schema documents. */
    static TechnicalLimits withStorageDefaults(AssetKind kind, TechnicalLimits l) {
        if (l == null || kind == null || !kind.isStorage()) return l;
        return new TechnicalLimits(l.minPowerMw(), l.maxPowerMw(), l.energyCapacityMwh(), l.chargeEfficiency(),
                l.dischargeEfficiency(), l.rampRateMwPerMin(), l.minSoc() == null ? 0.0 : l.minSoc(),
                l.maxSoc() == null ? 1.0 : l.maxSoc(), l.reserveSoc() == null ? 0.0 : l.reserveSoc(),
                l.gridConnectionLimitMw());
    }
}
