/**
 * Command-line benchmarks that print figures (run with {@code ./vpp bench NAME}); never timed unit tests.
 */
package org.vpp.bench;
