package io.pilotcheck.serve;

/**
 * The strip above a pilot's report alone ({@code pilotbar.jte}): the way back to the pilot's
 * page and the report in every format, to forward to the city.
 *
 * @param downloads the report in every format; its submission path is the pilot's page
 * @param city      the pilot's name in the page's language
 */
public record PilotBarView(DownloadsView downloads, String city) {
}
