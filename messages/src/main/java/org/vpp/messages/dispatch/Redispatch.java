package org.vpp.messages.dispatch;

import org.vpp.kernel.Megawatts;

/**
 * Power moved from a device that falls short to one with headroom: {@code level} is the nearest group the two share
 * (SITE, REGION or PORTFOLIO), the tree distance the re-dispatch policy minimises first.
 */
public record Redispatch(String fromAssetId, String toAssetId, Megawatts power, String level) {
}
