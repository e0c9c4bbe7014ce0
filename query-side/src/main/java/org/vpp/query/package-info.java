/**
 * Projections that turn events into PostgreSQL read models (tables owned by Flyway), with their query
 * handlers beside them. Every projection is idempotent by event sequence and rebuildable by replay.
 */
package org.vpp.query;
