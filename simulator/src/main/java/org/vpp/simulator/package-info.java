/**
 * The world the VPP acts on when no real one is attached: simulated clock, weather, PV, wind, load and
 * price series, CSV import, digital twins of devices and a market operator, each behind a port that a real
 * adapter can replace.
 */
package org.vpp.simulator;
