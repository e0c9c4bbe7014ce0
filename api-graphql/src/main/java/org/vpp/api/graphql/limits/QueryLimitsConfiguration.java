package org.vpp.api.graphql.limits;

import java.util.HashMap;
import java.util.Map;

import graphql.execution.instrumentation.Instrumentation;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.vpp.api.config.VppProperties;
import org.vpp.api.security.Caller;

/**
 * The bounds on one GraphQL request (vpp.api.*), cheapest check first: the body's size before it is parsed, the
 * document's aliases and root fields before it is validated, its depth and complexity before it runs, and its time
 * while it runs. Spring GraphQL chains every Instrumentation bean in this order.
 */
@Configuration(proxyBeanMethods = false)
public class QueryLimitsConfiguration {

    @Bean
    public FilterRegistrationBean<RequestSizeLimit> graphQlRequestSizeLimit(VppProperties properties) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimit(properties.api().maxRequestSize()));
        registration.addUrlPatterns("/graphql", "/graphql/*");
        return registration;
    }

    /** Before Spring Security's chain (order -100), whose token check is the first to read the database. */
    @Bean
    public FilterRegistrationBean<org.vpp.api.graphql.DatabaseUnavailableFilter> databaseUnavailableFilter() {
        var registration = new FilterRegistrationBean<>(new org.vpp.api.graphql.DatabaseUnavailableFilter());
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    @Order(1)
    public Instrumentation queryShapeLimit(VppProperties properties) {
        return new QueryShapeLimit(properties.api().maxAliases(), properties.api().maxRootFields());
    }

    /** Depth, by role where {@code vpp.api.roles.<ROLE>.max-depth} says so. */
    @Bean
    @Order(2)
    public Instrumentation depthLimit(VppProperties properties) {
        Map<String, Instrumentation> byRole = new HashMap<>();
        properties.api().roles().forEach((role, limits) -> {
            if (limits.maxDepth() != null) {
                byRole.put(role, new DepthLimit(limits.maxDepth(), "vpp.api.roles." + role + ".max-depth"));
            }
        });
        return new PerRole(new DepthLimit(properties.api().maxDepth()), byRole, QueryLimitsConfiguration::role);
    }

    /** Complexity, by role where {@code vpp.api.roles.<ROLE>.max-complexity} says so. */
    @Bean
    @Order(3)
    public Instrumentation complexityLimit(VppProperties properties) {
        int assumed = properties.api().assumedListSize();
        Map<String, Instrumentation> byRole = new HashMap<>();
        properties.api().roles().forEach((role, limits) -> {
            if (limits.maxComplexity() != null) {
                byRole.put(role, new ComplexityLimit(limits.maxComplexity(), assumed, "vpp.api.roles." + role + ".max-complexity"));
            }
        });
        return new PerRole(new ComplexityLimit(properties.api().maxComplexity(), assumed), byRole, QueryLimitsConfiguration::role);
    }

    private static String role(graphql.GraphQLContext context) {
        Caller caller = context.get(Caller.class);
        return caller == null ? null : caller.role().name();
    }

    @Bean
    @Order(4)
    public Instrumentation executionTimeLimit(VppProperties properties) {
        return new ExecutionTimeLimit(properties.api().executionTimeout());
    }
}
