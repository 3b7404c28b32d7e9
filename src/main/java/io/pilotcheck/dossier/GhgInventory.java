package io.pilotcheck.dossier;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A greenhouse-gas emission inventory (温室气体排放清单, 二（五）).
 *
 * @param index     position in {@code ghg_inventory}, 0-based
 * @param year      the year the inventory covers
 * @param completed when it was compiled
 */
public record GhgInventory(int index, Integer year, LocalDate completed) {

    /** The dossier path of this entry. */
    public String path() {
        return "ghg_inventory[" + index + "]";
    }

    // Spelled out: the generated equals and hashCode link method handles on first use, which
    // a short run pays for (Drools hashes facts in `from`). FactEqualityTest keeps them whole.
    @Override
    public boolean equals(Object other) {
        return other instanceof GhgInventory o
                && index == o.index
                && Objects.equals(year, o.year)
                && Objects.equals(completed, o.completed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, year, completed);
    }
}
