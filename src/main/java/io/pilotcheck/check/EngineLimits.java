package io.pilotcheck.check;

import java.time.Duration;

/**
 * How long the rules may run on one dossier. Every shipped rule fires at most a few times per
 * dossier and a whole dossier takes well under a millisecond, so either limit being reached means
 * a rule that keeps re-firing (a {@code modify} or {@code insert} that re-triggers it): the
 * dossier is reported as an {@code error} naming that rule, and the batch goes on.
 *
 * <p>The limits are checked between firings. A consequence that never returns (an endless loop in
 * its own Java code) cannot be stopped from outside without killing its thread, which the JVM no
 * longer supports; such a rule shows up in {@code rules test}, which runs every rule.
 *
 * @param maxFirings rule firings allowed per dossier
 * @param maxTime    time allowed per dossier
 */
public record EngineLimits(int maxFirings, Duration maxTime) {

    /** 10,000 firings and 10 seconds: thousands of times what any dossier needs. */
    public static final EngineLimits DEFAULT = new EngineLimits(10_000, Duration.ofSeconds(10));

    /** Checks the limits are usable. */
    public EngineLimits {
        if (maxFirings < 1 || maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("engine limits must be positive: " + maxFirings + ", " + maxTime);
        }
    }
}
