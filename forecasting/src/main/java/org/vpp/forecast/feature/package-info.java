/**
 * Regressors computed from timestamps alone: calendar columns and clear-sky irradiance from the sun's position
 * (NREL SPA via {@code net.e175.klaus:solarpositioning}, a small pure-Java library with no dependencies).
 */
package org.vpp.forecast.feature;
