package io.pilotcheck.failure;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/** A failure is told by its innermost cause. */
class RootCauseTest {

    @Test
    void theInnermostCauseIsToldWithItsMessageOrItsClass() {
        Exception wrapped = new IllegalStateException("outer", new UncheckedIOException("middle", new IOException("disk full")));
        assertThat(RootCause.message(wrapped)).isEqualTo("disk full");
        assertThat(RootCause.described(wrapped)).isEqualTo("IOException: disk full");
        Exception silent = new RuntimeException("outer", new NullPointerException());
        assertThat(RootCause.message(silent)).isEqualTo("NullPointerException");
        assertThat(RootCause.described(silent)).isEqualTo("NullPointerException");
        assertThat(RootCause.message(new IOException("alone"))).isEqualTo("alone");
    }
}
