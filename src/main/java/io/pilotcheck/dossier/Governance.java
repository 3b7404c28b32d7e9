package io.pilotcheck.dossier;

/**
 * 组织机构与协调机制 (二（五）) and leadership (四（一）).
 *
 * @param leadingGroup             a low-carbon organisation exists
 * @param coordinationMechanism    a coordination mechanism exists
 * @param principalLeaderInCharge  the principal leader is personally in charge
 */
public record Governance(Boolean leadingGroup, Boolean coordinationMechanism, Boolean principalLeaderInCharge) {
}
