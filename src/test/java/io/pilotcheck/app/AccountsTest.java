package io.pilotcheck.app;

import io.pilotcheck.TestRules;
import io.pilotcheck.registry.Scope;
import io.pilotcheck.store.AccountStore.Account;
import io.pilotcheck.store.AccountStore.AuditEntry;
import io.pilotcheck.store.SubmissionStore;
import io.pilotcheck.store.TestDatabases;
import io.pilotcheck.store.sql.SqlSubmissionStore;
import io.pilotcheck.store.sql.StoreLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Accounts as docs/spec/access.md describes them, kept in both databases: the first one puts
 * the store in shared mode; passwords are Argon2id hashes of at least 10 characters; a role's
 * scope is checked against the annex; every change leaves its audit row.
 */
class AccountsTest {

    private static final Instant T = Instant.parse("2026-12-06T08:00:00Z");

    @TempDir
    Path tmp;

    private static Accounts accounts(SubmissionStore store) {
        return new Accounts(store, () -> TestRules.book().registry());
    }

    @ParameterizedTest
    @MethodSource("io.pilotcheck.store.TestDatabases#kinds")
    void accountsAreKeptWithTheirScopesAndEveryChangeIsAudited(StoreLocation.Kind kind) {
        try (SubmissionStore store = SqlSubmissionStore.open(TestDatabases.fresh(kind, tmp))) {
            Accounts accounts = accounts(store);
            assertThat(accounts.shared()).isFalse();
            accounts.add("admin", "管理员", Accounts.AccountRole.admin, List.of(), null, "correct horse battery", "cli", null, T);
            assertThat(accounts.shared()).isTrue();
            Account reviewer = accounts.add("li.si", "李四", Accounts.AccountRole.reviewer, List.of("辽宁省", "Inner Mongolia"), null,
                    "0123456789", "admin", "127.0.0.1", T);
            assertThat(reviewer.provinces()).containsExactly("辽宁", "内蒙古");
            Account dalian = accounts.add("dalian", null, Accounts.AccountRole.submitter, List.of(), "大连市", "0123456789", "admin", null, T);

            Account kept = store.account("li.si").orElseThrow();
            assertThat(kept.passwordHash()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("0123456789");
            assertThat(kept.provinces()).containsExactly("辽宁", "内蒙古");
            assertThat(kept.displayName()).isEqualTo("李四");
            assertThat(Accounts.scope(kept)).isEqualTo(Scope.provinces(List.of("辽宁", "内蒙古")));
            assertThat(Accounts.scope(store.account("dalian").orElseThrow())).isEqualTo(Scope.city("大连市"));
            assertThat(Accounts.scope(store.account("admin").orElseThrow())).isEqualTo(Scope.all());
            assertThat(store.accounts()).extracting(Account::name).containsExactly("admin", "dalian", "li.si");

            assertThat(accounts.verify("li.si", "0123456789")).isPresent();
            assertThat(accounts.verify("li.si", "0123456788")).isEmpty();
            assertThat(accounts.verify("nobody", "0123456789")).isEmpty();
            accounts.setActive("dalian", false, "admin", null, T.plusSeconds(60));
            assertThat(accounts.verify("dalian", "0123456789")).as("a disabled account").isEmpty();
            accounts.setActive("dalian", true, "admin", null, T.plusSeconds(120));
            accounts.setPassword("dalian", "another password", "admin", null, T.plusSeconds(180));
            assertThat(accounts.verify("dalian", "0123456789")).isEmpty();
            assertThat(accounts.verify("dalian", "another password")).isPresent();
            assertThat(dalian.city()).isEqualTo("大连市");

            assertThat(store.auditLog(null, 100)).extracting(AuditEntry::action, AuditEntry::object).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("account.created", "admin"),
                    org.assertj.core.groups.Tuple.tuple("account.created", "li.si"),
                    org.assertj.core.groups.Tuple.tuple("account.created", "dalian"),
                    org.assertj.core.groups.Tuple.tuple("account.disabled", "dalian"),
                    org.assertj.core.groups.Tuple.tuple("account.enabled", "dalian"),
                    org.assertj.core.groups.Tuple.tuple("account.password", "dalian"));
            assertThat(store.auditLog(T.plusSeconds(100), 100)).hasSize(2);
            assertThat(store.auditLog(null, 100).get(1).address()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void whatDoesNotFitTheContractIsRefusedNamingWhy() {
        try (SubmissionStore store = SqlSubmissionStore.open(StoreLocation.embedded(tmp.resolve("data")))) {
            Accounts accounts = accounts(store);
            accounts.add("admin", null, Accounts.AccountRole.admin, List.of(), null, "0123456789", "cli", null, T);
            assertThatThrownBy(() -> accounts.add("admin", null, Accounts.AccountRole.admin, List.of(), null, "0123456789", "cli", null, T))
                    .isInstanceOf(Accounts.Refused.class).hasMessage("nameTaken");
            assertThatThrownBy(() -> accounts.add("short", null, Accounts.AccountRole.admin, List.of(), null, "123456789", "cli", null, T))
                    .hasMessage("tooShort");
            assertThatThrownBy(() -> accounts.add("a b", null, Accounts.AccountRole.admin, List.of(), null, "0123456789", "cli", null, T))
                    .hasMessage("badName");
            assertThatThrownBy(() -> accounts.add("x1", null, Accounts.AccountRole.submitter, List.of(), "北京市", "0123456789", "cli", null, T))
                    .hasMessage("unknownCity");
            assertThatThrownBy(() -> accounts.add("x2", null, Accounts.AccountRole.submitter, List.of(), null, "0123456789", "cli", null, T))
                    .hasMessage("submitterCity");
            assertThatThrownBy(() -> accounts.add("x3", null, Accounts.AccountRole.reviewer, List.of("火星"), null, "0123456789", "cli", null, T))
                    .hasMessage("unknownProvince");
            assertThatThrownBy(() -> accounts.add("x4", null, Accounts.AccountRole.admin, List.of("辽宁"), null, "0123456789", "cli", null, T))
                    .hasMessage("adminScope");
            assertThat(store.accounts()).hasSize(1);
            assertThat(store.auditLog(null, 100)).hasSize(1);
        }
    }

    @Test
    void aGeneratedPasswordIsLongEnoughAndNeverTheSameTwice() {
        String a = Passwords.generate();
        assertThat(a).hasSize(20).matches("[a-zA-Z2-9]+").doesNotContain("0", "O", "1", "l", "I");
        assertThat(Passwords.problem(a)).isEmpty();
        assertThat(Passwords.generate()).isNotEqualTo(a);
        assertThat(Passwords.problem("九个字符的密码不够")).contains("tooShort");
        assertThat(Passwords.problem("十个字符的密码就够了")).isEmpty(); // characters, not bytes
    }
}
