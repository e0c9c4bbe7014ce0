package org.vpp.api.graphql.limits;

import graphql.execution.instrumentation.Instrumentation;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.vpp.api.config.VppProperties;

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

    @Bean
    @Order(1)
    public Instrumentation queryShapeLimit(VppProperties properties) {
        return new QueryShapeLimit(properties.api().maxAliases(), properties.api().maxRootFields());
    }

    @Bean
    @Order(2)
    public Instrumentation depthLimit(VppProperties properties) {
        return new DepthLimit(properties.api().maxDepth());
    }

    @Bean
    @Order(3)
    public Instrumentation complexityLimit(VppProperties properties) {
        return new ComplexityLimit(properties.api().maxComplexity(), properties.api().assumedListSize());
    }

    @Bean
    @Order(4)
    public Instrumentation executionTimeLimit(VppProperties properties) {
        return new ExecutionTimeLimit(properties.api().executionTimeout());
    }
}
