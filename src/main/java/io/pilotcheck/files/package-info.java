/**
 * From the paths a user names to the dossier files to check: the first step of a batch read from
 * disk, shared by the command line, its watch mode and the rule catalogue. An upload has its own
 * way in; both end as {@code DossierInput}s.
 */
package io.pilotcheck.files;
