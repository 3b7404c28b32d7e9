/**
 * {@code pilotcheck explain}: what a rule checks, from its metadata, parameters and DRL source,
 * and why it fired on a dossier, from the dossier values it reads with their locations.
 */
package io.pilotcheck.explain;
