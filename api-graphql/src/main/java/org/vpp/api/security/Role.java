package org.vpp.api.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a token may do. The people's roles build on each other: a VIEWER reads; an OPERATOR adds assets, status,
 * telemetry and manual dispatch; a TRADER adds the bidding cycle; an AUDITOR reads and audits; an ADMIN may do all of
 * that and manages tokens. A DEVICE only reports telemetry, for the assets its token names.
 */
public enum Role {
    VIEWER, OPERATOR, TRADER, AUDITOR, ADMIN, DEVICE;

    /** The roles this one includes, itself among them. */
    public Set<Role> includes() {
        return switch (this) {
            case VIEWER -> EnumSet.of(VIEWER);
            case OPERATOR -> EnumSet.of(VIEWER, OPERATOR);
            case TRADER -> EnumSet.of(VIEWER, OPERATOR, TRADER);
            case AUDITOR -> EnumSet.of(VIEWER, AUDITOR);
            case ADMIN -> EnumSet.of(VIEWER, OPERATOR, TRADER, AUDITOR, ADMIN);
            case DEVICE -> EnumSet.of(DEVICE);
        };
    }

    /** Whether a holder of this role may do what {@code needed} may. */
    public boolean grants(Role needed) {
        return includes().contains(needed);
    }
}
