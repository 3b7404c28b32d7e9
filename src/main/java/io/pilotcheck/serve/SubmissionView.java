package io.pilotcheck.serve;

import java.util.List;

/**
 * A kept submission's page ({@code submission.jte}): who sent what when, its files, its
 * evaluations and its report in every format.
 *
 * @param page        the page's frame
 * @param meta        the line saying when, by whom and how it came
 * @param reportPath  its report as a page, below the base path
 * @param downloads   its report in every format
 * @param files       its files
 * @param evaluations its evaluations, oldest first
 */
public record SubmissionView(PageView page, String meta, String reportPath, DownloadsView downloads, List<File> files,
                             List<Evaluation> evaluations) {

    /** A file as received. */
    public record File(String name, String path, long size, String sha256) {
    }

    /** One evaluation: when, why, under which rules and tool. */
    public record Evaluation(String evaluated, String reason, String fingerprint, String toolVersion) {
    }
}
