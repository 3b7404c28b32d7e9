package io.pilotcheck.serve;

import java.util.List;

/**
 * What a reviewer must know of an upload beyond its report ({@code uploadnotes.jte}): the files
 * that were not checked and why, and the pilots that sent more than one dossier.
 *
 * @param page    the page's frame
 * @param skipped the files not checked, each with why in the page's language
 * @param shared  one line a pilot with several dossiers, in the page's language
 */
public record UploadNotesView(PageView page, List<Skipped> skipped, List<String> shared) {

    /** A file not checked, and why. */
    public record Skipped(String name, String why) {
    }

    /** Whether there is nothing to tell. */
    public boolean empty() {
        return skipped.isEmpty() && shared.isEmpty();
    }
}
