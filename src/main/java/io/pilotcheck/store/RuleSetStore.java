package io.pilotcheck.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule sets published into the store: numbered from 1, never changed once published. The
 * newest is the active one, which every instance serving the store checks with; going back is
 * publishing an older set's files again, as a new number.
 */
public interface RuleSetStore {

    /**
     * A published rule set.
     *
     * @param number      its number, from 1
     * @param fingerprint the fingerprint of its files (as reports show it)
     * @param ruleCount   how many rules it holds
     * @param publishedAt when it was published
     * @param publishedBy who published it, or null
     * @param note        why, or null
     */
    record RuleSet(int number, String fingerprint, int ruleCount, Instant publishedAt, String publishedBy, String note) {
    }

    /**
     * A rule set to publish.
     *
     * @param files its files by path below the rules folder ({@code city.drl}, {@code params.yaml}, …)
     */
    record NewRuleSet(String fingerprint, int ruleCount, Instant at, String by, String note, Map<String, byte[]> files) {
        /** Copies the map; the bytes are the caller's, not to be changed after. */
        public NewRuleSet {
            files = Map.copyOf(files);
        }
    }

    /** What publishing did: the set now active, and whether it is new (not the active one already). */
    record Published(RuleSet set, boolean added) {
    }

    /**
     * Publishes a rule set as the next number, unless the active set has the same fingerprint
     * already (then that one is returned, not added).
     */
    Published publish(NewRuleSet set);

    /** The active rule set (the newest), or empty when none was ever published. */
    Optional<RuleSet> activeRuleSet();

    /** Every rule set, newest first. */
    List<RuleSet> ruleSets();

    /** A rule set's files by path, or empty when there is no such set. */
    Optional<Map<String, byte[]>> ruleSetFiles(int number);

    /**
     * Puts back a rule set from an export under its own number, unless a set of that number is
     * here already (then it is left as it is).
     *
     * @return whether it was added
     */
    boolean restoreRuleSet(RuleSet set, Map<String, byte[]> files);
}
