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

    /**
     * A file as received.
     *
     * @param name    its name
     * @param path    its bytes, below the base path
     * @param size    its size, as a reader reads sizes (1.9 KiB)
     * @param sha256  its SHA-256, for whoever must prove the bytes
     * @param city    the pilot its dossier names, in the page's language, or empty
     * @param verdict its dossier's verdict, or {@code none}
     */
    public record File(String name, String path, String size, String sha256, String city, String verdict) {
    }

    /** One evaluation: when, why, under which rules and tool. */
    public record Evaluation(String evaluated, String reason, String fingerprint, String toolVersion) {
    }
}
