package io.pilotcheck.registry;

import java.util.Objects;

/**
 * One of a city's innovation focuses (创新重点) as the annex numbers them.
 *
 * @param number 1-based, as in the annex
 * @param text   the annex's words
 */
public record InnovationFocus(int number, String text) {

    // Spelled out: the generated equals and hashCode link method handles on first use, which
    // a short run pays for (Drools hashes facts in `from`). FactEqualityTest keeps them whole.
    @Override
    public boolean equals(Object other) {
        return other instanceof InnovationFocus o && number == o.number && Objects.equals(text, o.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, text);
    }
}
