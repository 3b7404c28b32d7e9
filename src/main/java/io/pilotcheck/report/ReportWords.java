package io.pilotcheck.report;

import io.pilotcheck.finding.Language;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.finding.Verdict;
import io.pilotcheck.finding.WaiverUse;

/** The words reports use for severities, verdicts and waiver statuses: the report ids in English, Chinese names in Chinese. */
public final class ReportWords {

    private ReportWords() {
    }

    /** A severity's name: {@code violation} / 违规. */
    public static String severity(Severity s, Language lang) {
        if (lang == Language.EN) {
            return s.id();
        }
        return switch (s) {
            case ERROR -> "错误";
            case VIOLATION -> "违规";
            case WARNING -> "警告";
            case PENDING -> "待到期";
        };
    }

    /** A verdict's name: {@code non_compliant} / 不合规. */
    public static String verdict(Verdict v, Language lang) {
        if (lang == Language.EN) {
            return v.id();
        }
        return switch (v) {
            case COMPLIANT -> "合规";
            case NON_COMPLIANT -> "不合规";
            case ERROR -> "无法检查";
        };
    }

    /** A waiver's status: {@code applied} / 已生效. */
    public static String waiverStatus(WaiverUse.Status s, Language lang) {
        if (lang == Language.EN) {
            return s.id();
        }
        return switch (s) {
            case APPLIED -> "已生效";
            case EXPIRED -> "已过期";
            case UNUSED -> "未匹配";
        };
    }
}
