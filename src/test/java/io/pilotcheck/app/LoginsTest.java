package io.pilotcheck.app;

import io.pilotcheck.TestRules;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sessions, lock-outs and tokens as docs/spec/access.md asks, on both databases: a session ends
 * with a logout, 8 idle hours, 7 days, a changed password or a disabled account; five wrong
 * passwords lock a name for 15 minutes (the right one included), fifty lock an address; a token
 * acts for its account until revoked, and neither secret is kept.
 */
class LoginsTest {

    private static final Instant T = Instant.parse("2026-12-06T08:00:00Z");

    @TempDir
    Path tmp;

    private static Accounts accounts(SubmissionStore store) {
        return new Accounts(store, () -> TestRules.book().registry());
    }

    @ParameterizedTest
    @MethodSource("io.pilotcheck.store.TestDatabases#kinds")
    void aSessionLastsUntilLogoutIdlenessAgeOrAChangeOfTheAccount(StoreLocation.Kind kind) {
        try (SubmissionStore store = SqlSubmissionStore.open(TestDatabases.fresh(kind, tmp))) {
            Accounts accounts = accounts(store);
            accounts.add("li.si", "李四", Accounts.AccountRole.reviewer, List.of("辽宁"), null, "0123456789", "cli", null, T);
            Logins logins = new Logins(store);

            Logins.Begun begun = logins.login("li.si", "0123456789", "10.0.0.7", T);
            assertThat(begun.cookie()).matches("[A-Za-z0-9_-]{43}");
            assertThat(store.session(Logins.sha256(begun.cookie()))).isPresent();
            assertThat(store.session(begun.cookie())).as("the id itself is not kept").isEmpty();
            assertThat(logins.signed(begun.cookie(), T.plusSeconds(60)).orElseThrow().account().name()).isEqualTo("li.si");
            assertThat(logins.signed(begun.cookie(), T.plusSeconds(60)).orElseThrow().csrf()).isEqualTo(begun.csrf()).hasSize(64);
            assertThat(logins.signed("forged", T)).isEmpty();
            logins.logout(begun.cookie(), "10.0.0.7", T.plusSeconds(120));
            assertThat(logins.signed(begun.cookie(), T.plusSeconds(121))).isEmpty();

            // idle: 8 hours without a request; used within them, it lives on, up to 7 days
            Logins.Begun idle = logins.login("li.si", "0123456789", "10.0.0.7", T);
            assertThat(logins.signed(idle.cookie(), T.plus(Duration.ofHours(7)))).isPresent();
            assertThat(logins.signed(idle.cookie(), T.plus(Duration.ofHours(14)))).as("used 7 hours before").isPresent();
            assertThat(logins.signed(idle.cookie(), T.plus(Duration.ofHours(23)))).as("idle 9 hours").isEmpty();
            Logins.Begun old = logins.login("li.si", "0123456789", "10.0.0.7", T);
            for (int day = 0; day < 7; day++) {
                assertThat(logins.signed(old.cookie(), T.plus(Duration.ofHours(6L * day + 6)))).isPresent();
            }
            assertThat(logins.signed(old.cookie(), T.plus(Duration.ofDays(7)).plusSeconds(1))).as("7 days old").isEmpty();

            // a new password, or a disabled account, ends its sessions
            Logins.Begun a = logins.login("li.si", "0123456789", "10.0.0.7", T);
            accounts.setPassword("li.si", "a new password", "admin", null, T.plusSeconds(10));
            assertThat(logins.signed(a.cookie(), T.plusSeconds(11))).isEmpty();
            Logins.Begun b = logins.login("li.si", "a new password", "10.0.0.7", T.plusSeconds(20));
            accounts.setActive("li.si", false, "admin", null, T.plusSeconds(30));
            assertThat(logins.signed(b.cookie(), T.plusSeconds(31))).isEmpty();
            accounts.setActive("li.si", true, "admin", null, T.plusSeconds(40));
            assertThat(logins.signed(b.cookie(), T.plusSeconds(41))).as("enabled again, the old session stays ended").isEmpty();

            assertThat(store.auditLog(null, 100)).extracting(AuditEntry::action).contains("login", "logout");
        }
    }

    @ParameterizedTest
    @MethodSource("io.pilotcheck.store.TestDatabases#kinds")
    void fiveWrongPasswordsLockTheNameForFifteenMinutes(StoreLocation.Kind kind) {
        try (SubmissionStore store = SqlSubmissionStore.open(TestDatabases.fresh(kind, tmp))) {
            accounts(store).add("dalian", null, Accounts.AccountRole.submitter, List.of(), "大连市", "0123456789", "cli", null, T);
            Logins logins = new Logins(store);
            for (int i = 0; i < 5; i++) {
                Instant at = T.plusSeconds(i * 60L);
                assertThatThrownBy(() -> logins.login("dalian", "wrong password", "10.0.0.9", at)).hasMessage("badLogin");
            }
            // locked: the right password is refused with the same answer, from any address
            assertThatThrownBy(() -> logins.login("dalian", "0123456789", "10.0.0.1", T.plusSeconds(300))).hasMessage("badLogin");
            assertThatThrownBy(() -> logins.login("dalian", "0123456789", "10.0.0.1", T.plus(Duration.ofMinutes(18)))).hasMessage("badLogin");
            assertThat(logins.login("dalian", "0123456789", "10.0.0.1", T.plus(Duration.ofMinutes(19)).plusSeconds(1))).isNotNull();
            // an unknown name is answered as a wrong password is
            assertThatThrownBy(() -> logins.login("nobody", "0123456789", "10.0.0.1", T)).hasMessage("badLogin");

            List<String> actions = store.auditLog(null, 100).stream().map(AuditEntry::action).toList();
            assertThat(actions).containsSubsequence("login.failed", "login.failed", "login.failed", "login.failed", "login.failed",
                    "login.locked", "login.refused_locked", "login.refused_locked", "login");
        }
    }

    @Test
    void fiftyFailuresFromOneAddressLockTheAddress() {
        try (SubmissionStore store = SqlSubmissionStore.open(StoreLocation.embedded(tmp.resolve("data")))) {
            accounts(store).add("dalian", null, Accounts.AccountRole.submitter, List.of(), "大连市", "0123456789", "cli", null, T);
            Logins logins = new Logins(store);
            for (int i = 0; i < 50; i++) {
                int n = i;
                assertThatThrownBy(() -> logins.login("guess" + n, "whatever1234", "198.51.100.1", T.plusSeconds(n))).hasMessage("badLogin");
            }
            assertThatThrownBy(() -> logins.login("dalian", "0123456789", "198.51.100.1", T.plusSeconds(60))).hasMessage("badLogin");
            assertThat(logins.login("dalian", "0123456789", "198.51.100.2", T.plusSeconds(61))).isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("io.pilotcheck.store.TestDatabases#kinds")
    void aTokenActsForItsAccountUntilRevoked(StoreLocation.Kind kind) {
        try (SubmissionStore store = SqlSubmissionStore.open(TestDatabases.fresh(kind, tmp))) {
            Accounts accounts = accounts(store);
            accounts.add("ci", null, Accounts.AccountRole.submitter, List.of(), "大连市", "0123456789", "cli", null, T);
            Tokens tokens = new Tokens(store);
            Tokens.Made made = tokens.add("ci", "nightly upload", "submit", "admin", null, T);
            assertThat(made.secret()).startsWith("pct_").hasSizeGreaterThan(40);
            assertThat(store.tokens("ci")).singleElement().satisfies(t -> {
                assertThat(t.secretSha256()).doesNotContain(made.secret()).hasSize(64);
                assertThat(t.lastUsedAt()).isNull();
            });
            Tokens.Acting acting = tokens.acting(made.secret(), T.plusSeconds(5)).orElseThrow();
            assertThat(acting.account().name()).isEqualTo("ci");
            assertThat(acting.token().scope()).isEqualTo("submit");
            assertThat(store.tokens(null).get(0).lastUsedAt()).isEqualTo(T.plusSeconds(5));
            assertThat(tokens.acting("pct_forged", T)).isEmpty();

            accounts.setActive("ci", false, "admin", null, T.plusSeconds(10));
            assertThat(tokens.acting(made.secret(), T.plusSeconds(11))).as("a disabled account's token").isEmpty();
            accounts.setActive("ci", true, "admin", null, T.plusSeconds(12));
            assertThat(tokens.revoke(made.token().id(), "admin", null, T.plusSeconds(13))).isTrue();
            assertThat(tokens.acting(made.secret(), T.plusSeconds(14))).isEmpty();
            assertThat(tokens.revoke(made.token().id(), "admin", null, T.plusSeconds(15))).as("revoked once").isFalse();

            assertThatThrownBy(() -> tokens.add("ci", "x", "everything", "admin", null, T)).hasMessage("badScope");
            assertThatThrownBy(() -> tokens.add("nobody", "x", "read", "admin", null, T)).hasMessage("noSuchAccount");
            assertThat(store.auditLog(null, 100)).extracting(AuditEntry::action).contains("token.created", "token.revoked");
        }
    }
}
