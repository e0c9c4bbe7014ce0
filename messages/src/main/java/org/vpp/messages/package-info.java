/**
 * The shared language of the VPP: commands (imperative), events (past tense), queries (Find...) and typed
 * values. One record per file, a package per aggregate. Depends on nothing but Java and Axon's routing annotations.
 */
package org.vpp.messages;
