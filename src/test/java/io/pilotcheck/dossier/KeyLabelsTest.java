package io.pilotcheck.dossier;

import io.pilotcheck.TestRules;
import io.pilotcheck.source.YamlProblem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys written in Chinese are told the key they mean (issue 23 item 15), for every key of the format. */
class KeyLabelsTest {

    @Test
    void everyKeyOfTheInitTemplateHasAChineseLabel() {
        String template = DossierTemplate.forPilot(TestRules.book().registry().find("大连市").orElseThrow(),
                LocalDate.of(2020, 6, 30), "x.yaml");
        Set<String> keys = new TreeSet<>();
        // keys written, and keys shown in comments (revision_submitted for unstarred pilots, list items' keys)
        Matcher m = Pattern.compile("(?m)^[\\s#-]*([a-z0-9_]+):|\\{([a-z0-9_]+):|, ([a-z0-9_]+):").matcher(template);
        while (m.find()) {
            keys.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        assertThat(keys).hasSizeGreaterThan(40);
        assertThat(keys).allSatisfy(k -> assertThat(KeyLabels.all()).as("a Chinese label for " + k).containsKey(k));
        assertThat(KeyLabels.all().keySet()).as("labels of keys the format does not have").isSubsetOf(keys);
    }

    @Test
    void aKeyWrittenInChineseIsToldTheKeyItMeans() {
        List<YamlProblem> problems = new DossierLoader().loadText("k.yaml",
                "城市: 大连市\nas_of: 2020-06-30\n低碳发展规划:\n  adopted: 2017-01-01\ngovernance:\n  领导小组: true\n").problems();
        assertThat(problems).extracting(YamlProblem::messageZh).contains(
                "未知的键“城市”：档案格式的键用英文；是否应为 city（城市）？",
                "未知的键“低碳发展规划”：档案格式的键用英文；是否应为 low_carbon_plan（低碳发展规划）？",
                "未知的键“领导小组”：档案格式的键用英文；是否应为 leading_group（低碳发展组织机构）？");
        assertThat(problems).extracting(YamlProblem::messageEn)
                .contains("unknown key '城市': the format's keys are English; did you mean city (城市)?");
        // a Chinese word that names no key keeps the plain message
        assertThat(new DossierLoader().loadText("k.yaml", "city: 大连市\n备注: x\n").problems())
                .extracting(YamlProblem::messageZh).containsExactly("未知的键“备注”");
    }
}
