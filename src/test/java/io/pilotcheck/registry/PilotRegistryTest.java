package io.pilotcheck.registry;

import io.pilotcheck.TestRules;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the hand transcription of the annex, row by row, against a second, independent copy. */
class PilotRegistryTest {

    /**
     * no | province | name | starred | peak kind | peak year | focus count, read off the notice's
     * annex separately from rules/pilot-cities.yaml.
     */
    private static final String ANNEX = """
            1|内蒙古|乌海市|-|YEAR|2025|5
            2|辽宁|沈阳市|-|YEAR|2027|2
            3|辽宁|大连市|*|YEAR|2025|3
            4|辽宁|朝阳市|*|YEAR|2025|2
            5|黑龙江|逊克县|*|YEAR|2024|1
            6|江苏|南京市|-|YEAR|2022|3
            7|江苏|常州市|-|YEAR|2023|3
            8|浙江|嘉兴市|*|YEAR|2023|1
            9|浙江|金华市|*|ABOUT|2020|1
            10|浙江|衢州市|-|YEAR|2022|3
            11|安徽|合肥市|-|YEAR|2024|2
            12|安徽|淮北市|*|YEAR|2025|5
            13|安徽|黄山市|-|YEAR|2020|2
            14|安徽|六安市|*|YEAR|2030|2
            15|安徽|宣城市|*|YEAR|2025|1
            16|福建|三明市|-|YEAR|2027|2
            17|江西|共青城市|*|YEAR|2027|1
            18|江西|吉安市|*|YEAR|2023|1
            19|江西|抚州市|*|YEAR|2026|1
            20|山东|济南市|-|YEAR|2025|3
            21|山东|烟台市|-|YEAR|2017|3
            22|山东|潍坊市|-|YEAR|2025|2
            23|湖北|长阳土家族自治县|-|YEAR|2023|1
            24|湖南|长沙市|*|YEAR|2025|2
            25|湖南|株洲市|-|YEAR|2025|2
            26|湖南|湘潭市|*|YEAR|2028|1
            27|湖南|郴州市|*|YEAR|2027|1
            28|广东|中山市|-|RANGE|2025|1
            29|广西|柳州市|-|YEAR|2026|3
            30|海南|三亚市|-|YEAR|2025|1
            31|海南|琼中黎族苗族自治县|*|YEAR|2025|2
            32|四川|成都市|-|BEFORE|2025|2
            33|云南|玉溪市|-|YEAR|2028|2
            34|云南|普洱市思茅区|-|BEFORE|2025|1
            35|西藏|拉萨市|*|YEAR|2024|1
            36|陕西|安康市|-|YEAR|2028|3
            37|甘肃|兰州市|-|YEAR|2025|2
            38|甘肃|敦煌市|-|YEAR|2019|1
            39|青海|西宁市|-|YEAR|2025|1
            40|宁夏|银川市|*|YEAR|2025|3
            41|宁夏|吴忠市|*|YEAR|2020|1
            42|新疆|昌吉市|*|YEAR|2025|3
            43|新疆|伊宁市|*|YEAR|2021|3
            44|新疆|和田市|-|YEAR|2025|4
            45|新疆生产建设兵团|第一师阿拉尔市|*|YEAR|2025|3
            """;

    private final PilotRegistry registry = TestRules.book().registry();

    @Test
    void everyRowMatchesTheAnnex() {
        List<String> expected = ANNEX.lines().toList();
        List<String> actual = new ArrayList<>();
        for (PilotCity c : registry.cities()) {
            actual.add(c.number() + "|" + c.province() + "|" + c.name() + "|" + (c.starred() ? "*" : "-") + "|"
                    + c.peak().kind() + "|" + c.peak().year() + "|" + c.focuses().size());
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void countsOfTheNotice() {
        assertThat(registry.cities()).hasSize(45);
        assertThat(registry.cities().stream().filter(PilotCity::starred)).hasSize(21);
        assertThat(registry.cities().stream().map(PilotCity::number)).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 45).boxed().toList());
    }

    @Test
    void peakKindsKeepTheirMeaning() {
        PeakYear about = registry.find("金华市").orElseThrow().peak();
        assertThat(about.text()).isEqualTo("2020 左右");
        assertThat(about.latestAcceptable(1)).isEqualTo(2021);
        PeakYear range = registry.find("中山市").orElseThrow().peak();
        assertThat(range.lower()).isEqualTo(2023);
        assertThat(range.latestAcceptable(1)).isEqualTo(2025);
        PeakYear before = registry.find("成都市").orElseThrow().peak();
        assertThat(before.latestAcceptable(1)).isEqualTo(2025);
    }

    @Test
    void focusTextsAreTheAnnexWords() {
        PilotCity dalian = registry.find("Dalian").orElseThrow();
        assertThat(dalian.focusText(2)).isEqualTo("建立“碳标识”制度");
        assertThat(dalian.hasFocus(4)).isFalse();
        assertThat(registry.find("和田市").orElseThrow().focusText(4)).isEqualTo("创建碳排放管理综合服务平台");
    }

    @Test
    void findsByAnnexOrEnglishNameOnly() {
        assertThat(registry.find("大连市")).isPresent();
        assertThat(registry.find("dalian")).isPresent();
        assertThat(registry.find("大连")).isEmpty();
        assertThat(registry.suggest("大连")).containsExactly("大连市");
        assertThat(registry.suggest("Dalien")).contains("大连市");
    }

    @Test
    void provinceMayBeShortFullOrEnglish() {
        PilotCity c = registry.find("合肥市").orElseThrow();
        assertThat(c.provinceMatches("安徽")).isTrue();
        assertThat(c.provinceMatches("安徽省")).isTrue();
        assertThat(c.provinceMatches("anhui")).isTrue();
        assertThat(c.provinceMatches("江苏")).isFalse();
    }
}
