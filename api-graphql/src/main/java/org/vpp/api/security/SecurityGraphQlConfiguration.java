package org.vpp.api.security;

import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolver;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;

/** The GraphQL side of access: the caller in each request's context, the per-field check, and how refusals read. */
@Configuration(proxyBeanMethods = false)
public class SecurityGraphQlConfiguration {

    @Bean
    public CallerContext callerContext(org.springframework.security.oauth2.jwt.JwtDecoder decoder) {
        return new CallerContext(decoder);
    }

    @Bean
    public SubscriptionLimits subscriptionLimits(org.vpp.api.config.VppProperties properties) {
        return new SubscriptionLimits(properties.api().maxSubscriptionsPerConnection(), properties.api().maxSubscriptionsPerPrincipal());
    }

    @Bean
    @Order(0)
    public Instrumentation fieldAccess(RateLimits limits) {
        return new FieldAccess(limits);
    }

    @Bean
    public DataFetcherExceptionResolver accessRefusals() {
        return new DataFetcherExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
                return refusal(ex, GraphqlErrorBuilder.newError(env));
            }
        };
    }

    /** The same refusals when a subscription's stream is refused (Spring resolves subscription errors apart). */
    @Bean
    public SubscriptionExceptionResolver subscriptionRefusals() {
        return new SubscriptionExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable ex) {
                return refusal(ex, GraphqlErrorBuilder.newError());
            }
        };
    }

    /** A refused field or an exceeded limit as a GraphQL error naming what and why; null for anything else. */
    static GraphQLError refusal(Throwable ex, GraphqlErrorBuilder<?> error) {
        if (ex instanceof AccessRefused refused) {
            return error.errorType(refused.authenticated() ? ErrorType.FORBIDDEN : ErrorType.UNAUTHORIZED)
                    .message(refused.getMessage())
                    .extensions(Map.of("field", refused.field(), "code", refused.authenticated() ? "FORBIDDEN" : "UNAUTHENTICATED"))
                    .build();
        }
        if (ex instanceof RateLimits.Exceeded || ex instanceof SubscriptionLimits.Exceeded) {
            return error.errorType(ErrorClassification.errorClassification("RATE_LIMITED"))
                    .message(ex.getMessage())
                    .extensions(Map.of("code", "RATE_LIMITED"))
                    .build();
        }
        return null;
    }
}
