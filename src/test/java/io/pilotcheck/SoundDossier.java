package io.pilotcheck;

/**
 * A dossier that meets every requirement on time as of 2020-06-30: starred 大连市, whose annex peak
 * is 2025 with three innovation focuses. Rule tests edit one thing in it (with
 * {@link TestRules#edit}) and expect exactly that rule to react. {@code annual_reports} stays the
 * last block so tests can append entries. The YAML rule test cases start from the same file.
 */
public final class SoundDossier {

    /** The whole text, without the file's leading comment, so line 1 is {@code city}. */
    public static final String DALIAN = read("rules/tests/dossiers/dalian.yaml");

    private static String read(String file) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(file)).replaceFirst("\\A(#[^\\n]*\\n)+", "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private SoundDossier() {
    }
}
