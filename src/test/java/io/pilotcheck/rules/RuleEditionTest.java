package io.pilotcheck.rules;

import io.pilotcheck.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** An edition of the rules names what changed since another: a parameter and who reads it, a rule added, removed or edited. */
class RuleEditionTest {

    @Test
    void theSameRulesHaveNoChangeAndAnEditionReadsBackAsItWasWritten() {
        RuleEdition shipped = RuleEdition.of(TestRules.book());
        assertThat(shipped.rules()).containsKey("LCP-PLAN-01");
        assertThat(shipped.reads().get("LCP-PLAN-01")).contains("plan_due");
        assertThat(RuleEdition.fromJson(shipped.json())).isEqualTo(shipped);
        assertThat(shipped.since(shipped)).isEmpty();
    }

    @Test
    void eachKindOfChangeIsNamedWithTheRulesItTouches(@TempDir Path dir) throws Exception {
        RuleEdition before = RuleEdition.of(TestRules.book());
        Path rules = TestRules.copyRules(dir);
        TestRules.edit(rules.resolve("params.yaml"), "plan_due: 2017-12-31", "plan_due: 2018-03-31");
        TestRules.edit(rules.resolve("plan.drl"), "@severity(\"violation\")", "@severity(\"warning\")");
        Files.delete(rules.resolve("capacity.drl"));
        RuleEdition after = RuleEdition.of(RuleBookLoader.load(rules));
        assertThat(after.since(before)).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo("param");
            assertThat(c.name()).isEqualTo("plan_due");
            assertThat(c.before()).isEqualTo("2017-12-31");
            assertThat(c.after()).isEqualTo("2018-03-31");
            assertThat(c.rules()).contains("LCP-PLAN-01");
        }).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo("edited");
            assertThat(c.name()).startsWith("LCP-PLAN-");
        }).anySatisfy(c -> assertThat(c.kind()).isEqualTo("removed"));
        assertThat(before.since(after)).anySatisfy(c -> assertThat(c.kind()).isEqualTo("added"));
    }
}
