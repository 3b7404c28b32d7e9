package io.pilotcheck.report;

import io.pilotcheck.finding.Language;
import io.pilotcheck.finding.Severity;

import java.util.LinkedHashMap;
import java.util.Map;

/** The fixed words of the HTML report in its two languages, handed to the template as {@code t}. */
final class HtmlWords {

    private static final String[][] WORDS = {
        {"title", "低碳城市试点合规检查报告", "Low-carbon pilot compliance report"},
        {"subtitle", "第三批国家低碳城市试点（发改气候〔2017〕66号）", "Third batch of national low-carbon city pilots (NDRC 发改气候〔2017〕66号)"},
        {"as_of", "评估日期", "As of"},
        {"tool", "工具", "Tool"},
        {"rules", "规则", "Rules"},
        {"fingerprint", "规则指纹", "Rules fingerprint"},
        {"summary", "概况", "Summary"},
        {"dossiers", "档案", "Dossiers"},
        {"compliant", "合规", "Compliant"},
        {"non_compliant", "不合规", "Non-compliant"},
        {"errors", "无法检查", "Could not be checked"},
        {"waived", "已豁免", "Waived"},
        {"chart_verdicts", "档案结论", "Dossier verdicts"},
        {"chart_severities", "发现（按严重程度）", "Findings by severity"},
        {"by_rule", "按规则统计", "Findings by rule"},
        {"by_province", "按省份统计", "By province"},
        {"rule", "规则", "Rule"},
        {"total", "合计", "Total"},
        {"province", "省份", "Province"},
        {"pilots", "试点", "Pilots"},
        {"matrix", "试点 × 规则矩阵", "Pilots × rules matrix"},
        {"matrix_note", "45 个试点按附件序号排列；* 为有条件批复的试点。单元格为该试点所有档案中最严重的结果。",
            "The 45 pilots in annex order; * marks a conditionally approved pilot. Each cell is the worst outcome over the pilot's dossiers."},
        {"no", "序号", "No."},
        {"pilot", "试点", "Pilot"},
        {"details", "各档案发现", "Findings by dossier"},
        {"severity", "严重程度", "Severity"},
        {"clause", "条款", "Clause"},
        {"notice", "通知原文", "The notice's words"},
        {"message", "说明", "Message"},
        {"location", "位置", "Location"},
        {"no_findings", "无发现。", "No findings."},
        {"waivers", "豁免", "Waivers"},
        {"status", "状态", "Status"},
        {"reason", "理由", "Reason"},
        {"approver", "批准人", "Approver"},
        {"expires", "有效期至", "Expires"},
        {"matched", "匹配发现", "Findings matched"},
        {"city", "城市", "City"},
        {"dossier", "档案", "Dossier"},
        {"contents", "目录", "Contents"},
    };

    private final Language lang;

    HtmlWords(Language lang) {
        this.lang = lang;
    }

    /** Every word by key, for the template. */
    Map<String, String> all() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] w : WORDS) {
            out.put(w[0], lang == Language.EN ? w[2] : w[1]);
        }
        return out;
    }

    String get(String key) {
        return all().get(key);
    }

    String severity(Severity s) {
        return ReportWords.severity(s, lang);
    }
}
