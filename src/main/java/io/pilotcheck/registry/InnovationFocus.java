package io.pilotcheck.registry;

/**
 * One of a city's innovation focuses (创新重点) as the annex numbers them.
 *
 * @param number 1-based, as in the annex
 * @param text   the annex's words
 */
public record InnovationFocus(int number, String text) {
}
