/**
 * The Spring Boot application: GraphQL schema and thin controllers, the telemetry endpoint, the stores
 * (embedded or external PostgreSQL, optionally Axon Server) and the wiring of all modules.
 */
package org.vpp.api;
