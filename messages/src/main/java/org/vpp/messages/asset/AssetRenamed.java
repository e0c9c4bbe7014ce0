package org.vpp.messages.asset;

import org.axonframework.serialization.Revision;

/**
 * The name changed from {@code from} to {@code to}, so an audit trail reads the change without replaying what came
 * before. Revision 2; revision 1 ({@code assetId, name}) is upcast on reading, with {@code from} null: the previous
 * name of those events is in the events before them.
 */
@Revision("2")
public record AssetRenamed(AssetId assetId, String from, String to) implements AssetEvent {
}
