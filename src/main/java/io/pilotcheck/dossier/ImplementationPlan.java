package io.pilotcheck.dossier;

import java.time.LocalDate;

/**
 * 试点实施方案: the pilot's implementation plan (三; 四（三） for starred cities).
 *
 * @param finalized               revised and finalised (三: by end of February 2017)
 * @param revisionSubmitted       starred cities: revision submitted to the NDRC (四（三）: by 2017-01-26)
 * @param expertReviewAddressed   starred cities: the revision addresses the expert review's opinions
 */
public record ImplementationPlan(LocalDate finalized, LocalDate revisionSubmitted, Boolean expertReviewAddressed) {
}
