package io.pilotcheck.app;

import io.pilotcheck.TestRules;
import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.registry.Scope;
import io.pilotcheck.report.ReportFormats;
import io.pilotcheck.store.AccountStore;
import io.pilotcheck.store.ReviewStore;
import io.pilotcheck.store.Source;
import io.pilotcheck.store.SubmissionStore;
import io.pilotcheck.store.TestDatabases;
import io.pilotcheck.store.sql.SqlSubmissionStore;
import io.pilotcheck.store.sql.StoreLocation;
import io.pilotcheck.words.Language;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One period of the review loop in the application layer (docs/spec/review.md), on SQLite and
 * PostgreSQL: 大连市 is due, submits a dossier with two violations, a reviewer of 辽宁省 opens it,
 * marks one 须整改 and waives the other, returns it; the city amends and resubmits; the earlier
 * 须整改 shows as resolved, the waiver applies to the new check, and the reviewer accepts. The
 * steps the states do not allow are refused, what is outside a caller's scope does not exist,
 * and each step's audit rows and notifications are kept.
 */
class ReviewsTest {

    @TempDir
    Path tmp;

    private static final Instant T = Instant.now();

    @ParameterizedTest
    @MethodSource("io.pilotcheck.store.TestDatabases#kinds")
    void onePeriodEndToEnd(StoreLocation.Kind kind) throws Exception {
        try (SubmissionStore store = SqlSubmissionStore.open(TestDatabases.fresh(kind, tmp))) {
            Application app = new Application(TestRules::book, () -> store);
            Accounts accounts = app.accounts();
            AccountStore.Account admin = accounts.add("admin", null, Accounts.AccountRole.admin, List.of(), null, "admin password", "cli", null, T);
            AccountStore.Account reviewer = accounts.add("li.si", null, Accounts.AccountRole.reviewer, List.of("辽宁省"), null,
                    "reviewer password", "cli", null, T);
            AccountStore.Account submitter = accounts.add("dalian", null, Accounts.AccountRole.submitter, List.of(), "大连市",
                    "dalian password", "cli", null, T);
            accounts.add("wuhai", null, Accounts.AccountRole.submitter, List.of(), "乌海市", "wuhai password", "cli", null, T);
            Caller asAdmin = Caller.of(admin, null);
            Caller asReviewer = Caller.of(reviewer, null);
            Caller asCity = Caller.of(submitter, null);
            LocalDate today = io.pilotcheck.words.Clock.day(T);

            assertThat(app.periods().add("2026年度", today.plusDays(90), null, List.of("大连市", "Shenyang"), "admin", null, T))
                    .satisfies(p -> assertThat(p.asOf()).as("checked at the due date unless told").isEqualTo(p.due()))
                    .satisfies(p -> assertThat(p.pilots()).containsExactly("大连市", "沈阳市"));
            // checked as of the day the fixture describes, so that its findings are the two violations it was written for
            ReviewStore.Period period = app.periods().add("2026年第三季度", today.plusDays(10), LocalDate.of(2020, 6, 30), List.of(),
                    "admin", null, T.plusSeconds(1));
            assertThat(app.periods().current()).map(ReviewStore.Period::name).hasValue("2026年第三季度");
            assertThat(app.reviews().states(asReviewer.scope(), period, today)).extracting(s -> s.city().name())
                    .contains("大连市", "沈阳市").doesNotContain("乌海市");
            assertThat(app.reviews().state(asCity.scope(), period, "大连市", today).state()).isEqualTo(Reviews.State.due);
            assertThat(app.reviews().state(asCity.scope(), period, "大连市", today.plusDays(13)))
                    .satisfies(s -> assertThat(s.state()).isEqualTo(Reviews.State.overdue))
                    .satisfies(s -> assertThat(s.daysOverdue()).isEqualTo(3));
            assertThatThrownBy(() -> app.reviews().state(asCity.scope(), period, "沈阳市", today)).isInstanceOf(Reviews.NotInScope.class);

            // the city submits: two violations
            String first = keep(app, period, Files.readString(Path.of("fixtures/03-dalian.yaml")), asCity);
            assertThat(app.reviews().state(asReviewer.scope(), period, "大连市", today).state()).isEqualTo(Reviews.State.submitted);
            assertThat(store.notifications("li.si", 10)).extracting(n -> n.notice().kind()).containsExactly("submitted");
            assertThat(app.inbox().unread(asReviewer)).isEqualTo(1);
            assertThatThrownBy(() -> app.reviews().accept(asReviewer, period.name(), "大连市", null, T))
                    .isInstanceOf(Accounts.Refused.class).hasMessage("badState");

            // the reviewer opens it, decides, returns it
            String before = app.reviews().state(asReviewer.scope(), period, "大连市", today).last().id();
            app.reviews().open(asReviewer, period.name(), "大连市", "10.0.0.1", T);
            // a step decided on what was read before another came first is refused, not kept
            ReviewStore.Step late = new ReviewStore.Step(null, period.name(), "大连市", first, "accepted", "li.si", T, null);
            assertThatThrownBy(() -> store.review(new ReviewStore.Change(List.of(late), List.of(), List.of(), List.of(), List.of(),
                    new ReviewStore.Seen(period.name(), "大连市", before)))).isInstanceOf(ReviewStore.Moved.class);
            assertThat(app.reviews().state(asReviewer.scope(), period, "大连市", today).state()).isEqualTo(Reviews.State.in_review);
            Reviews.Review review = app.reviews().review(asReviewer.scope(), period.name(), "大连市", today);
            assertThat(review.findings()).extracting(d -> d.finding().ruleId()).containsExactly("LCP-STAR-01", "LCP-PLAN-01");
            assertThat(review.openMustFix()).as("violations are must_fix until decided").isEqualTo(2);
            Reviews.Decided star = review.findings().get(0);
            Reviews.Decided plan = review.findings().get(1);
            assertThatThrownBy(() -> app.reviews().decide(asCity, period.name(), "大连市", star.finding().ruleId(), star.finding().path(),
                    "noted", null, null, null, T)).isInstanceOf(Accounts.Refused.class).hasMessage("forbidden");
            assertThatThrownBy(() -> app.reviews().decide(asReviewer, period.name(), "大连市", plan.finding().ruleId(), plan.finding().path(),
                    "waived", "", null, null, T)).isInstanceOf(Accounts.Refused.class).hasMessage("waiverNeeds");
            app.reviews().decide(asReviewer, period.name(), "大连市", star.finding().ruleId(), star.finding().path(), "must_fix",
                    "请按期报送", null, null, T);
            app.reviews().decide(asReviewer, period.name(), "大连市", plan.finding().ruleId(), plan.finding().path(), "waived",
                    "规划已经市政府批准，正式印发晚于期限", LocalDate.of(2027, 6, 30), null, T);
            assertThatThrownBy(() -> app.reviews().accept(asReviewer, period.name(), "大连市", null, T))
                    .isInstanceOf(Accounts.Refused.class).hasMessage("acceptHasMustFix");
            app.reviews().returnIt(asReviewer, period.name(), "大连市", "请补报完善后的实施方案报送记录", null, T);
            assertThat(app.reviews().state(asCity.scope(), period, "大连市", today).state()).isEqualTo(Reviews.State.returned);
            assertThat(store.notifications("dalian", 10)).extracting(n -> n.notice().kind()).containsExactly("returned", "waived");
            assertThat(app.reviews().review(asCity.scope(), period.name(), "大连市", today).comments())
                    .extracting(ReviewStore.Comment::body).containsExactly("请补报完善后的实施方案报送记录");

            // the city amends and sends again: the must_fix is resolved, the waiver applies to the new check
            String amended = Files.readString(Path.of("fixtures/03-dalian.yaml")).replace("revision_submitted: 2017-01-30",
                    "revision_submitted: 2017-01-25");
            String second = keep(app, period, amended, asCity);
            assertThat(second).isNotEqualTo(first);
            assertThat(app.reviews().state(asReviewer.scope(), period, "大连市", today).state()).isEqualTo(Reviews.State.submitted);
            app.reviews().open(asReviewer, period.name(), "大连市", null, T);
            Reviews.Review again = app.reviews().review(asReviewer.scope(), period.name(), "大连市", today);
            assertThat(again.submissionId()).isEqualTo(second);
            assertThat(again.earlier()).singleElement().satisfies(e -> {
                assertThat(e.decision().ruleId()).isEqualTo("LCP-STAR-01");
                assertThat(e.resolved()).isTrue();
            });
            assertThat(again.findings()).singleElement().satisfies(d -> {
                assertThat(d.finding().ruleId()).isEqualTo("LCP-PLAN-01");
                assertThat(d.finding().waived()).as("the waiver granted in review applies to the check").isTrue();
                assertThat(d.decided()).isEqualTo("waived");
            });
            app.reviews().accept(asReviewer, period.name(), "大连市", null, T);
            assertThat(app.reviews().state(asCity.scope(), period, "大连市", today).state()).isEqualTo(Reviews.State.accepted);
            assertThatThrownBy(() -> keep(app, period, amended, asCity)).isInstanceOf(Accounts.Refused.class).hasMessage("accepted");
            assertThatThrownBy(() -> app.reviews().reopen(asReviewer, period.name(), "大连市", "", null, T))
                    .isInstanceOf(Accounts.Refused.class).hasMessage("forbidden");
            app.reviews().reopen(asAdmin, period.name(), "大连市", "补充材料", null, T);
            assertThat(app.reviews().state(asCity.scope(), period, "大连市", today).state()).isEqualTo(Reviews.State.in_review);

            List<String> actions = store.auditLog(null, 1000).stream().map(AccountStore.AuditEntry::action).toList();
            assertThat(actions).containsSubsequence("period.opened", "submission.received", "submission.in_review", "decision.must_fix",
                    "decision.waived", "submission.returned", "submission.received", "submission.in_review", "submission.accepted",
                    "submission.reopened");
            assertThat(store.periodOf(first)).hasValue(period.name());
            app.periods().close(period.name(), "admin", null, T);
            assertThatThrownBy(() -> keep(app, period, amended, asCity)).isInstanceOf(Accounts.Refused.class);

            // an export carries the review loop and the forms' drafts, and an import (twice) puts them back as they were
            app.filings().saveDraft(asCity, "大连市", java.util.Map.of("low_carbon_plan.adopted", "2017年6月30日"), T, null);
            Path zip = tmp.resolve("export.zip");
            try (java.io.OutputStream out = Files.newOutputStream(zip)) {
                io.pilotcheck.store.StoreArchive.export(store, "test", out);
            }
            try (SubmissionStore copy = SqlSubmissionStore.open(TestDatabases.fresh(kind, tmp.resolve("copy")));
                 java.util.zip.ZipFile archive = new java.util.zip.ZipFile(zip.toFile())) {
                io.pilotcheck.store.StoreArchive.importInto(copy, archive);
                io.pilotcheck.store.StoreArchive.importInto(copy, archive);
                assertThat(copy.reviewKept()).isEqualTo(store.reviewKept());
                assertThat(copy.drafts()).isEqualTo(store.drafts()).hasSize(1);
                assertThat(copy.lastSteps(period.name()).get("大连市").step()).isEqualTo("reopened");
            }
        }
    }

    private static String keep(Application app, ReviewStore.Period period, String yaml, Caller caller) {
        ReviewStore.Period now = app.periods().find(period.name()).orElseThrow();
        Instant at = Instant.now();
        CheckCall call = new CheckCall(ReportFormats.find("json").orElseThrow(), Language.ZH, null, Severity.VIOLATION, at, 1 << 20)
                .forPeriod(now.asOf(), app.reviews().waivers(io.pilotcheck.words.Clock.day(at)));
        Checked checked = app.checks().check(List.of(DossierInput.bytes("03-dalian.yaml", yaml.getBytes(StandardCharsets.UTF_8))), call);
        assertThat(app.submissions().outOfScope(caller.scope(), checked)).isEmpty();
        return app.submissions().keep(checked, at, caller.name(), Source.API, caller.name(), null, now);
    }
}
