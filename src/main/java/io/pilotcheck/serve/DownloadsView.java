package io.pilotcheck.serve;

import java.util.List;

/**
 * A kept submission's report in every format, as links ({@code downloads.jte}), and the strip
 * above a report that holds them ({@code downloadbar.jte}).
 *
 * @param page           the page's frame
 * @param submissionPath the submission's page, below the base path
 * @param links          one link a format, the page's own last
 */
public record DownloadsView(PageView page, String submissionPath, List<Link> links) {

    /**
     * One format's link.
     *
     * @param index  its place among the links, from 0
     * @param format the format's name
     * @param path   the download's path below the base path
     */
    public record Link(int index, String format, String path) {
    }
}
