package io.pilotcheck.dossier;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * One dossier to check, as a caller has it: a file on disk, or bytes already in memory (an
 * upload, a test). {@link #name()} is how every report names it, whatever the source.
 */
public sealed interface DossierInput {

    /** How reports name the dossier ({@code fixtures/03-dalian.yaml}, {@code a/b.yaml}). */
    String name();

    /** Reads and loads it within the loader's limits; never throws for a bad input. */
    LoadedDossier load(DossierLoader loader);

    /** A dossier file, read when it is checked. */
    static DossierInput file(String name, Path path) {
        return new File(name, path);
    }

    /** Dossier files by name, as inputs, read lazily in the given order. */
    static Iterator<DossierInput> files(Iterator<Map.Entry<String, Path>> named) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return named.hasNext();
            }

            @Override
            public DossierInput next() {
                Map.Entry<String, Path> f = named.next();
                return file(f.getKey(), f.getValue());
            }
        };
    }

    /** A dossier held in memory; the bytes are not copied, so the caller must not change them. */
    static DossierInput bytes(String name, byte[] bytes) {
        return new Bytes(name, bytes);
    }

    /**
     * A dossier over the per-dossier limit, whose bytes were not read (or not kept): it is
     * reported as too large, as a file over the limit is, and nothing of it is stored.
     *
     * @param size its size in bytes as the sender declared it, or negative when it is not known
     */
    static DossierInput tooLarge(String name, long size) {
        return new TooLarge(name, size);
    }

    /** See {@link #tooLarge(String, long)}. */
    record TooLarge(String name, long size) implements DossierInput {
        /** Requires a name. */
        public TooLarge {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public LoadedDossier load(DossierLoader loader) {
            return loader.tooLarge(name, size);
        }
    }

    /** A dossier file. */
    record File(String name, Path path) implements DossierInput {
        /** Requires both. */
        public File {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(path, "path");
        }

        @Override
        public LoadedDossier load(DossierLoader loader) {
            return loader.load(path, name);
        }
    }

    /** A dossier's bytes. */
    record Bytes(String name, byte[] bytes) implements DossierInput {
        /** Requires both. */
        public Bytes {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public LoadedDossier load(DossierLoader loader) {
            return loader.load(name, bytes);
        }
    }
}
