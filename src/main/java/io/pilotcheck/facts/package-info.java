/**
 * The facts the engine adds beside a dossier and the global rules report through: what a rule
 * author imports from pilotcheck besides the dossier's own records ({@code io.pilotcheck.dossier}),
 * the registry's {@code PilotCity} and the rule book's {@code Params}. Nothing here runs the engine;
 * {@code io.pilotcheck.check} does.
 */
package io.pilotcheck.facts;
