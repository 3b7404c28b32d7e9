/**
 * Rule tests as data: YAML cases under {@code rules/tests/} that say which findings a dossier
 * must and must not give ({@code pilotcheck rules test}), with a diff when they do not, and the
 * coverage of the rules by those cases.
 */
package io.pilotcheck.ruletest;
