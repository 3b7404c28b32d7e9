package io.pilotcheck.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --db-password-file FILE}: the password on the file's first line, read when the option is parsed. */
final class PasswordFile implements CommandLine.ITypeConverter<PasswordFile.Password> {

    /** A password, never shown: its {@code toString} hides it from logs and messages. */
    record Password(String value) {
        @Override
        public String toString() {
            return "***";
        }
    }

    @Override
    public Password convert(String file) {
        try {
            return new Password(Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream().findFirst().orElse("").strip());
        } catch (IOException | RuntimeException e) {
            throw new UsageProblem("badPasswordFile", "file", file, "reason", String.valueOf(e.getMessage()));
        }
    }
}
