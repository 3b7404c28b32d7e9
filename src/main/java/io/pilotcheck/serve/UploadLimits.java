package io.pilotcheck.serve;

/**
 * What one request may send: the body, each dossier, and a zip's entries, their total inflated
 * size and how much they may inflate (a zip bomb is refused before it is inflated).
 *
 * @param maxBody         bytes of a request body ({@code --max-upload})
 * @param maxFile         bytes of one dossier ({@code --max-file-size})
 * @param maxEntries      entries of a zip
 * @param maxUncompressed bytes of a zip's entries, inflated, all together
 * @param maxRatio        how many times its compressed size an entry may inflate to
 */
public record UploadLimits(long maxBody, long maxFile, int maxEntries, long maxUncompressed, int maxRatio) {

    /** The contract's defaults for a body limit and a dossier limit. */
    public static UploadLimits of(long maxBody, long maxFile) {
        return new UploadLimits(maxBody, maxFile, 10_000, 256L << 20, 100);
    }
}
