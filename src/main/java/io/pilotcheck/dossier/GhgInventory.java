package io.pilotcheck.dossier;

import java.time.LocalDate;

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
}
