package org.vpp.api.events;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.vpp.messages.asset.AssetRenamed;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link AssetRenamed} revision 1 ({@code assetId, name}) to revision 2 ({@code assetId, from, to}): the name becomes
 * {@code to}, and {@code from} is null, since a single old event does not say what the name was before it.
 */
public final class AssetRenamedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(AssetRenamed.class.getName(), null);
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(AssetRenamed.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, ObjectNode.class, AssetRenamedUpcaster::revision2);
    }

    static ObjectNode revision2(ObjectNode payload) {
        JsonNode name = payload.remove("name");
        payload.putNull("from");
        payload.set("to", name);
        return payload;
    }
}
