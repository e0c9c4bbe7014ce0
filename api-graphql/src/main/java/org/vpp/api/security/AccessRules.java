package org.vpp.api.security;

import static java.util.Map.entry;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may use which GraphQL field, in one table. A role listed grants the field to every role that includes it
 * ({@link Role#includes}). Queries are for VIEWER (so every person's role) unless listed; a mutation or subscription that
 * is not listed is refused to everyone, so a new one cannot go out unguarded by omission (a test checks that every
 * one in the schema is listed).
 */
public final class AccessRules {

    private static final Set<Role> VIEWER = EnumSet.of(Role.VIEWER);
    private static final Set<Role> OPERATOR = EnumSet.of(Role.OPERATOR);
    private static final Set<Role> TRADER = EnumSet.of(Role.TRADER);
    private static final Set<Role> AUDITOR = EnumSet.of(Role.AUDITOR);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);

    static final Map<String, Set<Role>> RULES = Map.ofEntries(
            entry("Query.me", EnumSet.allOf(Role.class)),
            entry("Query.apiTokens", ADMIN),
            entry("Query.auditTrail", AUDITOR),
            entry("Mutation.rerunSchedule", AUDITOR),
            entry("Query.deadLetters", ADMIN),
            entry("Mutation.retryDeadLetters", ADMIN),
            entry("Mutation.evictDeadLetter", ADMIN),
            entry("Query.projectionRebuilds", ADMIN),
            entry("Mutation.rebuildProjection", ADMIN),
            entry("Mutation.switchProjection", ADMIN),
            entry("Subscription.projectionRebuild", ADMIN),
            entry("Mutation.registerAsset", OPERATOR),
            entry("Mutation.updateAssetLimits", OPERATOR),
            entry("Mutation.renameAsset", OPERATOR),
            entry("Mutation.moveAsset", OPERATOR),
            entry("Mutation.changeAssetStatus", OPERATOR),
            entry("Mutation.decommissionAsset", OPERATOR),
            entry("Mutation.ingestTelemetry", EnumSet.of(Role.OPERATOR, Role.DEVICE)),
            entry("Mutation.importTelemetryCsv", OPERATOR),
            entry("Mutation.requestDispatch", OPERATOR),
            entry("Mutation.cancelDispatch", OPERATOR),
            entry("Mutation.startBiddingCycle", TRADER),
            entry("Mutation.cancelBiddingCycle", TRADER),
            entry("Mutation.issueApiToken", ADMIN),
            entry("Mutation.revokeApiToken", ADMIN),
            entry("Subscription.fleetCapacity", VIEWER),
            entry("Subscription.assetTelemetry", VIEWER),
            entry("Subscription.bidStatus", VIEWER),
            entry("Subscription.dispatchProgress", VIEWER),
            entry("Subscription.scheduleReady", VIEWER),
            entry("Subscription.forecastIssued", VIEWER),
            entry("Subscription.alerts", VIEWER));

    /** The types whose fields are checked: the roots. */
    static final Set<String> GUARDED_TYPES = Set.of("Query", "Mutation", "Subscription");

    private AccessRules() {
    }

    /** The roles that may use {@code type.field}; empty when nobody may. */
    public static Optional<Set<Role>> allowed(String type, String field) {
        Set<Role> listed = RULES.get(type + "." + field);
        if (listed != null) return Optional.of(listed);
        return type.equals("Query") ? Optional.of(VIEWER) : Optional.empty();
    }

    /** Whether the table lists this field (a mutation or subscription must be). */
    public static boolean listed(String type, String field) {
        return RULES.containsKey(type + "." + field);
    }
}
