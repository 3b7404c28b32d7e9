package io.pilotcheck.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One pilot's dossier in one kept evaluation: where it is and what it came to, without its
 * findings (read them with {@link SubmissionStore#evaluation}).
 *
 * @param submissionId     the submission it came in
 * @param received         when that submission arrived
 * @param submitter        who sent it, or null
 * @param source           how it arrived
 * @param evaluationId     the evaluation (the submission's latest)
 * @param rulesFingerprint the rules that evaluation used
 * @param position         the dossier's place in that evaluation
 * @param file             its file name
 * @param city             the pilot
 * @param asOf             the date it was evaluated as of
 * @param verdict          {@code compliant}, {@code non_compliant} or {@code error}
 * @param violations       violations no waiver accepts
 * @param warnings         warnings no waiver accepts
 * @param pending          findings not yet due
 * @param errors           errors
 * @param waived           findings a waiver accepts
 */
public record DossierEntry(String submissionId, Instant received, String submitter, Source source, String evaluationId,
                           String rulesFingerprint, int position, String file, String city, LocalDate asOf,
                           String verdict, int violations, int warnings, int pending, int errors, int waived) {
}
