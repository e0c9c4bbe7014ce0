/**
 * Workflow: the bidding-cycle and dispatch sagas. They keep only ids, phases and deadline ids, call pure
 * functions and the optimizer, and reach the market and the fleet through ports. Arrives with the bidding-cycle
 * issue; the module exists now so that the dependency rules are enforced from the start.
 */
package org.vpp.sagas;
