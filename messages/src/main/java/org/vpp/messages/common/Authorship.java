package org.vpp.messages.common;

/**
 * Who caused a message, as every command and event carries it in its metadata (audits name the author from there).
 * A person's command carries the authenticated principal and role; a saga's or a clock process's carries
 * {@code saga:<Saga>} or {@code process:<name>} with the role {@link #SYSTEM}. Events take their command's authorship,
 * and Axon's {@code traceId} ties every message of one bidding cycle or dispatch to the message that started it.
 */
public final class Authorship {

    /** Metadata key: the principal (a token's subject), {@code saga:<Saga>} or {@code process:<name>}. */
    public static final String AUTHOR = "author";
    /** Metadata key: the author's role (VIEWER, OPERATOR, TRADER, AUDITOR, ADMIN, DEVICE, or SYSTEM). */
    public static final String ROLE = "authorRole";
    /** The role of the application's own authors: sagas and clock processes. */
    public static final String SYSTEM = "SYSTEM";

    private Authorship() {
    }
}
