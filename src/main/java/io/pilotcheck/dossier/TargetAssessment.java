package io.pilotcheck.dossier;

import java.time.LocalDate;

/**
 * 温室气体排放目标考核制度: the target-responsibility and assessment system (二（三）).
 *
 * @param allocatedToDistricts      tasks allocated to the subordinate administrative areas
 * @param allocatedToKeyEnterprises and to key enterprises
 * @param methodIssued              date the indicator-decomposition and assessment method was issued
 * @param trackingEvaluation        responsible entities are tracked and assessed
 */
public record TargetAssessment(Boolean allocatedToDistricts, Boolean allocatedToKeyEnterprises,
                               LocalDate methodIssued, Boolean trackingEvaluation) {
}
