package io.pilotcheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code pilotcheck periods add|list|close} on the store the service uses (docs/spec/review.md). */
class PeriodsCommandTest {

    @TempDir
    Path tmp;

    @Test
    void addListAndClose() {
        String data = tmp.resolve("data").toString();
        CliTest.Run added = CliTest.run("periods", "add", "2026年第三季度", "--due", "2026-10-15", "--data", data);
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.err()).contains("已开放 2026年第三季度", "截止 2026-10-15", "按 2026-10-15 检查", "45 个");
        CliTest.Run some = CliTest.run("periods", "add", "2026年度报告", "--due", "2027-01-31", "--as-of", "2026-12-31",
                "--pilots", "大连市,Shenyang", "--lang", "en", "--data", data);
        assertThat(some.code()).as(some.err()).isZero();
        assertThat(some.err()).contains("checked as of 2026-12-31, 2 pilots expected");
        CliTest.Run twice = CliTest.run("periods", "add", "2026年第三季度", "--due", "2026-10-15", "--lang", "en", "--data", data);
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.err()).contains("there is a period 2026年第三季度 already");
        CliTest.Run unknown = CliTest.run("periods", "add", "x", "--due", "2026-10-15", "--pilots", "北京市", "--data", data);
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("北京市 不是 45 个试点之一");

        assertThat(CliTest.run("periods", "close", "2026年第三季度", "--data", data).code()).isZero();
        CliTest.Run list = CliTest.run("periods", "list", "--data", data);
        assertThat(list.out()).contains("2026年度报告\t2027-01-31\t2026-12-31\t大连市,沈阳市\topen")
                .contains("2026年第三季度\t2026-10-15\t2026-10-15\t*\tclosed ");
        assertThat(CliTest.run("periods", "close", "2026年第三季度", "--data", data).code()).as("closed already").isEqualTo(2);
        assertThat(CliTest.run("audit", "--data", data).out()).contains("period.opened", "period.closed");
    }
}
