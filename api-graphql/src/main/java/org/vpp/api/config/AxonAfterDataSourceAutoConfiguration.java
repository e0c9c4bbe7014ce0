package org.vpp.api.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Empty on purpose: it only orders auto-configurations. Axon 4.13 orders its JDBC and transaction
 * auto-configurations against Spring Boot 3 class names; on Boot 4 they would run before the DataSource and its
 * transaction manager exist, and Axon would fall back to a no-op transaction manager and no event store. Placing
 * this after Boot 4's DataSource auto-configurations and before Axon's makes Axon see them. Upstream fixed the same
 * for Axon 5 (AxonFramework PRs #4344, #4451). Covered by StoreWiringIT.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"},
        beforeName = {
                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration"})
public class AxonAfterDataSourceAutoConfiguration {
}
