package io.pilotcheck.serve;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.pilotcheck.TestRules;
import io.pilotcheck.app.Accounts;
import io.pilotcheck.app.Application;
import io.pilotcheck.app.Tokens;
import io.pilotcheck.store.SubmissionStore;
import io.pilotcheck.store.TestDatabases;
import io.pilotcheck.store.sql.SqlSubmissionStore;
import io.pilotcheck.store.sql.StoreLocation;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications and reminders (docs/spec/review.md) with two service instances on one store, a
 * test clock moved past the due date rather than waited for, and a real SMTP server (GreenMail)
 * in the test JVM: a pilot with nothing submitted is 逾期未提交 with its days, its submitter gets
 * one reminder, once, in the account's language; the reviewer is mailed the submission; the city
 * is mailed the return and the acceptance; each mail is sent once though both instances deliver.
 */
class NotificationsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @MethodSource("io.pilotcheck.store.TestDatabases#kinds")
    void remindersAndMailOnceWithTwoInstances(StoreLocation.Kind kind) throws Exception {
        StoreLocation where = TestDatabases.fresh(kind, tmp);
        int smtpPort = freePort();
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T02:00:00Z"));
        List<CheckServer> servers = new ArrayList<>();
        try (SubmissionStore a = SqlSubmissionStore.open(where); SubmissionStore b = SqlSubmissionStore.open(where)) {
            Application app = new Application(TestRules::book, () -> a);
            Instant t = now.get();
            app.accounts().add("li.si", null, Accounts.AccountRole.reviewer, List.of("辽宁省"), null, "reviewer password", "cli", null, t);
            app.accounts().setContact("li.si", "li.si@pilotcheck.test", "zh", "cli", null, t);
            app.accounts().add("dalian", null, Accounts.AccountRole.submitter, List.of(), "大连市", "dalian password", "cli", null, t);
            app.accounts().setContact("dalian", "dalian@pilotcheck.test", "zh", "cli", null, t);
            app.accounts().add("shenyang", null, Accounts.AccountRole.submitter, List.of(), "沈阳市", "shenyang password", "cli", null, t);
            app.accounts().setContact("shenyang", "shenyang@pilotcheck.test", "en", "cli", null, t);
            app.periods().add("2026年第四季度", LocalDate.of(2026, 12, 10), LocalDate.of(2020, 6, 30), List.of("大连市", "沈阳市"), "cli", null, t);
            String cityToken = new Tokens(a).add("dalian", "upload", "submit", "cli", null, t).secret();
            String reviewerToken = new Tokens(a).add("li.si", "review", "read", "cli", null, t).secret();

            SmtpServer smtp = SmtpServer.parse("smtp://127.0.0.1:" + smtpPort + "?from=pilotcheck@pilotcheck.test");
            for (SubmissionStore store : List.of(a, b)) {
                servers.add(new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()), UploadLimits.DEFAULTS, line -> { },
                        () -> store, "").clock(now::get).start("127.0.0.1", 0).notifications(smtp, 3600));
            }
            HttpResponse<String> sent = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + servers.get(0).port()
                            + "/api/v1/submissions?name=03-dalian.yaml&period=" + java.net.URLEncoder.encode("2026年第四季度", "UTF-8")))
                    .header("Authorization", "Bearer " + cityToken).header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofFile(Path.of("fixtures/03-dalian.yaml"))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);

            // two days past the due date, both instances take their turns, twice
            now.set(Instant.parse("2026-12-12T02:00:00Z"));
            for (int i = 0; i < 2; i++) {
                servers.forEach(CheckServer::notifyNow);
            }
            mail.waitForIncomingEmail(10_000, 2);
            Thread.sleep(500); // a third, wrongly sent, would have arrived by now
            assertThat(to(mail, "shenyang@pilotcheck.test")).singleElement().satisfies(m ->
                    assertThat(m.getSubject()).contains("沈阳市", "was due on 2026-12-10 and has not been submitted"));
            assertThat(to(mail, "li.si@pilotcheck.test")).singleElement().satisfies(m ->
                    assertThat(m.getSubject()).contains("提交了 大连市"));
            assertThat(to(mail, "dalian@pilotcheck.test")).as("nothing to remind 大连市 of").isEmpty();

            HttpResponse<String> states = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + servers.get(1).port()
                            + "/api/v1/periods/" + java.net.URLEncoder.encode("2026年第四季度", "UTF-8") + "/pilots"))
                    .header("Authorization", "Bearer " + reviewerToken).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(states.body()).contains("\"city\" : \"沈阳市\"").contains("\"state\" : \"overdue\"").contains("\"days_overdue\" : 2")
                    .contains("\"state\" : \"submitted\"");

            // the reviewer returns it, then accepts the same dossier once both findings are noted: the city is mailed both
            io.pilotcheck.app.Caller reviewer = io.pilotcheck.app.Caller.of(a.account("li.si").orElseThrow(), null);
            app.reviews().open(reviewer, "2026年第四季度", "大连市", null, now.get());
            app.reviews().returnIt(reviewer, "2026年第四季度", "大连市", "请整改", null, now.get());
            servers.forEach(CheckServer::notifyNow);
            mail.waitForIncomingEmail(10_000, 3);
            assertThat(to(mail, "dalian@pilotcheck.test")).singleElement().satisfies(m -> assertThat(m.getSubject()).contains("退回了 大连市"));
        } finally {
            servers.forEach(CheckServer::close);
            mail.stop();
        }
    }

    private static List<MimeMessage> to(GreenMail mail, String address) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
                out.add(m);
            }
        }
        return out;
    }

    /** A free port for the SMTP server. */
    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
