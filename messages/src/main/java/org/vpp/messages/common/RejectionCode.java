package org.vpp.messages.common;

/** Machine-readable reasons for refusing a command; the API exposes them as its error codes. */
public enum RejectionCode {
    /** Missing, malformed, out of range or physically incoherent value. */
    INVALID_VALUE,
    /** The referenced entity does not exist. */
    NOT_FOUND,
    /** An entity with that identity already exists. */
    DUPLICATE,
    /** The change would make an asset its own ancestor. */
    CYCLE,
    /** The parent cannot hold this kind of child (a device, or the wrong level of the tree). */
    INVALID_PARENT,
    /** The target is decommissioned and accepts no further commands. */
    DECOMMISSIONED,
    /** The command is well-formed but not allowed in the target's current state. */
    NOT_ALLOWED
}
