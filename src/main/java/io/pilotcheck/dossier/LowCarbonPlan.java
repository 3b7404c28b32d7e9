package io.pilotcheck.dossier;

import java.time.LocalDate;
import java.util.List;

/**
 * 低碳发展规划: the city's low-carbon development plan (二（二）).
 *
 * @param adopted           date of adoption
 * @param peakYear          the peak year the plan states
 * @param inDevelopmentPlan written into the national economic and social development plan
 * @param inGovernmentWork  written into the government's priority work
 * @param levers            the levers it covers (industrial_structure, energy_structure, ...)
 * @param urbanization      low-carbon development built into urbanisation planning and management
 */
public record LowCarbonPlan(LocalDate adopted, Integer peakYear, Boolean inDevelopmentPlan,
                            Boolean inGovernmentWork, List<String> levers, Boolean urbanization) {
}
