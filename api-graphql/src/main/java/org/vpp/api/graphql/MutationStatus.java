package org.vpp.api.graphql;

/**
 * What a mutation's payload stands for: APPLIED, the entity shown includes the change; PENDING, the change is
 * recorded (at the payload's version) but the read model had not shown it when the wait ran out, so the entity
 * shown may be older; REFUSED, nothing changed and the errors say why.
 */
public enum MutationStatus { APPLIED, PENDING, REFUSED }
