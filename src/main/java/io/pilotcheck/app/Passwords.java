package io.pilotcheck.app;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Passwords as docs/spec/access.md asks: at least 10 characters, kept only as an Argon2id hash
 * (Spring Security's encoder over Bouncy Castle: 16 bytes of salt, 19 MiB, 2 passes, one lane —
 * OWASP's first recommended setting), checked in constant time.
 */
public final class Passwords {

    /** The fewest characters a password may have. */
    public static final int MIN_LENGTH = 10;

    private static final Argon2PasswordEncoder ARGON2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Letters and digits that cannot be mistaken for one another when read out or copied by hand. */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** A hash of a password never made: checking against it costs what checking a real one does. */
    private static final String NOBODY = ARGON2.encode("the hash an unknown name is checked against");

    private Passwords() {
    }

    /** Why {@code password} may not be used, or empty when it may. */
    public static Optional<String> problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("tooShort");
        }
        return Optional.empty();
    }

    /** The password's Argon2id hash, in its encoded form ({@code $argon2id$v=19$m=19456,t=2,p=1$…}). */
    public static String hash(String password) {
        return ARGON2.encode(password);
    }

    /** Whether {@code password} is the one {@code hash} was made from; a null hash (no such account) costs the same and fails. */
    public static boolean matches(String password, String hash) {
        boolean match = ARGON2.matches(password, hash == null ? NOBODY : hash);
        return hash != null && match;
    }

    /** A new password of 20 characters from an unambiguous alphabet (about 116 bits). */
    public static String generate() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
