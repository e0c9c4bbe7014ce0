package org.vpp.api.graphql;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.vpp.api.security.ApiTokens;
import org.vpp.api.security.ApiTokens.ApiToken;
import org.vpp.api.security.Caller;
import org.vpp.api.security.Callers;
import org.vpp.api.security.Role;
import org.vpp.messages.common.RejectionCode;

/** The caller's own identity, and the ADMIN's tokens: issue, list, revoke (README, "Access"). */
@Controller
public class AccessController {

    private static final Logger log = LoggerFactory.getLogger(AccessController.class);
    static final int MAX_PAGE = 1000;

    private final ApiTokens tokens;

    public AccessController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    public record Me(String subject, Role role, List<Role> roles, List<String> assetIds, String tokenId) {
    }

    public record IssueApiTokenInput(String subject, Role role, String validFor, List<String> assetIds) {
    }

    public record RevokeApiTokenInput(String id) {
    }

    public record IssueApiTokenPayload(String token, ApiToken apiToken, List<UserError> errors) {
    }

    public record RevokeApiTokenPayload(ApiToken apiToken, List<UserError> errors) {
    }

    public record ApiTokenConnection(List<Edge> edges, AssetConnection.PageInfo pageInfo) {
        public record Edge(String cursor, ApiToken node) {
        }
    }

    @QueryMapping
    public Me me() {
        Caller c = caller();
        return new Me(c.subject(), c.role(), c.role().includes().stream().sorted().toList(),
                c.assetIds().stream().sorted().toList(), c.tokenId());
    }

    @QueryMapping
    public ApiTokenConnection apiTokens(@Argument String subject, @Argument Boolean includeInactive, @Argument Integer first,
                                        @Argument String after) {
        int size = first == null ? 50 : first;
        if (size < 1 || size > MAX_PAGE) throw new BadArgumentException("first", "must be between 1 and " + MAX_PAGE + ", got " + size);
        String afterId = after == null ? null : Cursors.decode("token", after, AccessController::isUuid);
        List<ApiToken> page = tokens.list(subject, Boolean.TRUE.equals(includeInactive), afterId, size + 1);
        boolean more = page.size() > size;
        List<ApiTokenConnection.Edge> edges = page.stream().limit(size)
                .map(t -> new ApiTokenConnection.Edge(Cursors.encode("token", t.id()), t)).toList();
        return new ApiTokenConnection(edges, new AssetConnection.PageInfo(more, afterId != null,
                edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor()));
    }

    @MutationMapping
    public IssueApiTokenPayload issueApiToken(@Argument IssueApiTokenInput input) {
        List<UserError> errors = new ArrayList<>();
        Duration validFor = null;
        if (input.validFor() != null) {
            try {
                validFor = Duration.parse(input.validFor());
            } catch (DateTimeParseException e) {
                errors.add(new UserError("input.validFor", RejectionCode.INVALID_VALUE,
                        "must be an ISO-8601 duration like P30D or PT12H, got " + input.validFor()));
            }
        }
        var request = new ApiTokens.Request(input.subject(), input.role(), validFor, input.assetIds());
        tokens.check(request).forEach(p -> errors.add(new UserError("input." + p.field(), RejectionCode.INVALID_VALUE, p.message())));
        if (!errors.isEmpty()) return new IssueApiTokenPayload(null, null, errors);
        String by = caller().subject();
        ApiTokens.Issued issued = tokens.issue(request, by);
        log.info("Token {} issued by {} for {} as {}, valid until {}", issued.record().id(), by, issued.record().subject(),
                issued.record().role(), issued.record().expiresAt());
        return new IssueApiTokenPayload(issued.token(), issued.record(), List.of());
    }

    @MutationMapping
    public RevokeApiTokenPayload revokeApiToken(@Argument RevokeApiTokenInput input) {
        if (!isUuid(input.id())) {
            return new RevokeApiTokenPayload(null, List.of(new UserError("input.id", RejectionCode.INVALID_VALUE,
                    "is not a token id (a UUID)")));
        }
        String by = caller().subject();
        return tokens.revoke(input.id(), by)
                .map(t -> {
                    log.info("Token {} of {} revoked by {}", t.id(), t.subject(), by);
                    return new RevokeApiTokenPayload(t, List.<UserError>of());
                })
                .orElseGet(() -> new RevokeApiTokenPayload(null, List.of(new UserError("input.id", RejectionCode.NOT_FOUND,
                        "no token with id " + input.id()))));
    }

    private static Caller caller() {
        return Callers.current().orElseThrow(() -> new IllegalStateException("no caller: FieldAccess lets no anonymous request here"));
    }

    private static boolean isUuid(String s) {
        try {
            UUID.fromString(s);
            return s.length() == 36;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
