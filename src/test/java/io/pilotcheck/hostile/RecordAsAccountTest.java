package io.pilotcheck.hostile;

import io.pilotcheck.TestRules;
import io.pilotcheck.app.Accounts;
import io.pilotcheck.app.Tokens;
import io.pilotcheck.registry.Scope;
import io.pilotcheck.store.AccountStore;
import io.pilotcheck.store.SubmissionStore;
import io.pilotcheck.store.sql.SqlSubmissionStore;
import io.pilotcheck.store.sql.StoreLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check --record} on a shared store (docs/spec/access.md): it records as the account
 * {@code --user} names, proved by its password or by a token in {@code PILOTCHECK_TOKEN}, within
 * that account's role and scope; anything else keeps nothing and says why.
 */
class RecordAsAccountTest {

    @TempDir
    Path tmp;

    private record Ran(int code, String err) {
    }

    private Ran check(Map<String, String> env, String... args) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of("check", "--record", "--data", tmp.resolve("data").toString(),
                "--cache-dir", tmp.resolve("cache").toString(), "--format", "json", "--output", tmp.resolve("out.json").toString()));
        all.addAll(List.of(args));
        Process p = Jvm.start(tmp, List.of(), List.of(), env, all.toArray(String[]::new));
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Ran(p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aSharedStoreKeepsOnlyWhatAnAccountMaySend() throws Exception {
        String token;
        try (SubmissionStore store = SqlSubmissionStore.open(StoreLocation.embedded(tmp.resolve("data")))) {
            Accounts accounts = new Accounts(store, () -> TestRules.book().registry());
            Instant t = Instant.now();
            accounts.add("dalian", null, Accounts.AccountRole.submitter, List.of(), "大连市", "dalian password", "cli", null, t);
            accounts.add("li.si", null, Accounts.AccountRole.reviewer, List.of(), null, "reviewer password", "cli", null, t);
            token = new Tokens(store).add("dalian", "ci", "submit", "cli", null, t).secret();
        }
        String dalian = Path.of("fixtures/03-dalian.yaml").toAbsolutePath().toString();
        String shenyang = Path.of("fixtures/02-shenyang.yaml").toAbsolutePath().toString();

        Ran nobody = check(Map.of(), "--lang", "en", dalian);
        assertThat(nobody.code()).isEqualTo(2);
        assertThat(nobody.err()).contains("--record needs --user NAME");
        Ran wrong = check(Map.of("PILOTCHECK_PASSWORD", "not the password"), "--lang", "en", "--user", "dalian", dalian);
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("the name or the password of dalian is not right");
        Ran reviewer = check(Map.of("PILOTCHECK_PASSWORD", "reviewer password"), "--lang", "en", "--user", "li.si", dalian);
        assertThat(reviewer.code()).isEqualTo(2);
        assertThat(reviewer.err()).contains("li.si may not keep submissions");
        Ran other = check(Map.of("PILOTCHECK_TOKEN", token), shenyang);
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("沈阳市", "dalian", "整批均未保存");

        Ran withPassword = check(Map.of("PILOTCHECK_PASSWORD", "dalian password"), "--user", "dalian", "--submitter", "someone else", dalian);
        assertThat(withPassword.code()).as(withPassword.err()).isEqualTo(1); // kept; the dossier has violations
        Ran withToken = check(Map.of("PILOTCHECK_TOKEN", token), dalian);
        assertThat(withToken.code()).as(withToken.err()).isEqualTo(1);

        try (SubmissionStore store = SqlSubmissionStore.open(StoreLocation.embedded(tmp.resolve("data")))) {
            assertThat(store.submissions(Scope.all(), new SubmissionStore.Query(null, null, null, 10, null)))
                    .extracting(SubmissionStore.Listed::submitter).containsExactly("dalian", "dalian");
            List<AccountStore.AuditEntry> log = store.auditLog(null, 100);
            assertThat(log).filteredOn(e -> e.action().equals("submission.received")).extracting(AccountStore.AuditEntry::actor)
                    .containsExactly("dalian", "dalian");
            assertThat(log).filteredOn(e -> e.action().equals("login.failed")).extracting(AccountStore.AuditEntry::address)
                    .containsExactly("cli");
        }
    }
}
