package org.vpp.api.security;

import java.util.Set;

/**
 * The authenticated caller of a request: the token's subject, its role, the assets a DEVICE token may report for
 * (empty for the other roles) and the token's id.
 */
public record Caller(String subject, Role role, Set<String> assetIds, String tokenId) {

    public Caller {
        assetIds = Set.copyOf(assetIds);
    }

    /** Whether this caller holds any of these roles, directly or through its own. */
    public boolean grantsAny(Set<Role> roles) {
        for (Role r : roles) if (role.grants(r)) return true;
        return false;
    }

    /** Whether readings of this asset may be stored under this caller's credential. */
    public boolean mayReportFor(String assetId) {
        if (role == Role.DEVICE) return assetIds.contains(assetId);
        return role.grants(Role.OPERATOR);
    }
}
