package io.pilotcheck.serve;

import java.util.List;

/**
 * The re-check's page ({@code recheck.jte}): before it, what changed in the rules and which
 * pilots' findings a re-check would change, with the button; after it, what it changed.
 *
 * @param page        the page's frame
 * @param done        whether the re-check has been done (the summary) or not (the preview)
 * @param ruleSet     the published rule set the rules in use are, or 0 (a rules folder's)
 * @param stale       how many pilots' latest dossiers older rules checked (before), or were re-checked (after)
 * @param ruleChanges what changed in the rules, one line each; null when the older rules were not kept
 * @param effects     the pilots whose verdict or counts change, in annex order
 * @param wordingOnly the pilots whose findings change only in their words (a deadline in a message)
 */
public record RecheckView(PageView page, boolean done, int ruleSet, int stale, List<String> ruleChanges, List<Effect> effects,
                          List<Effect> wordingOnly) {

    /**
     * One pilot's change.
     *
     * @param city          its name in the page's language
     * @param path          its page, below the base path
     * @param verdictBefore its verdict under the older rules
     * @param verdictAfter  under the rules in use now
     * @param counts        the counts before and after ("违规 2→1，警告 0→0")
     * @param changes       the findings that change
     */
    public record Effect(String city, String path, String verdictBefore, String verdictAfter, String counts,
                         List<PilotView.Change> changes) {
    }
}
