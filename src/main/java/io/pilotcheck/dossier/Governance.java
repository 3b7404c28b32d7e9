package io.pilotcheck.dossier;

/**
 * 组织机构与协调机制 (二（五）) and leadership (四（一）).
 *
 * @param leadingGroup             a low-carbon organisation exists
 * @param coordinationMechanism    a coordination mechanism exists
 * @param principalLeaderInCharge  the principal leader is personally in charge
 */
public record Governance(Boolean leadingGroup, Boolean coordinationMechanism, Boolean principalLeaderInCharge) {

    /**
     * A part by its dossier key ({@code leading_group}, {@code coordination_mechanism},
     * {@code principal_leader_in_charge}), so rules can iterate the parts a requirement lists.
     */
    public Boolean part(String key) {
        return switch (key) {
            case "leading_group" -> leadingGroup;
            case "coordination_mechanism" -> coordinationMechanism;
            case "principal_leader_in_charge" -> principalLeaderInCharge;
            default -> throw new IllegalArgumentException("governance has no part '" + key + "'");
        };
    }
}
