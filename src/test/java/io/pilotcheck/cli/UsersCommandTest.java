package io.pilotcheck.cli;

import io.pilotcheck.store.sql.StoreLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pilotcheck users}: accounts made, listed, disabled and given new passwords from the
 * command line, on the store the service uses; what does not fit the contract is refused in the
 * reader's language; without an account, {@code serve} still binds loopback only.
 */
class UsersCommandTest {

    @TempDir
    Path tmp;

    @Test
    void accountsAreMadeListedAndChangedFromTheCommandLine() {
        String data = tmp.resolve("data").toString();
        CliTest.Run admin = CliTest.run("users", "add", "admin", "--role", "admin", "--generate", "--lang", "en", "--data", data);
        assertThat(admin.code()).as(admin.err()).isZero();
        assertThat(admin.out().strip()).matches("[a-zA-Z2-9]{20}");
        assertThat(admin.err()).contains("added admin", "shared mode");
        CliTest.Run reviewer = CliTest.run("users", "add", "li.si", "--role", "reviewer", "--province", "辽宁省", "--display-name", "李四",
                "--generate", "--data", data);
        assertThat(reviewer.code()).as(reviewer.err()).isZero();
        CliTest.Run wrongCity = CliTest.run("users", "add", "bj", "--role", "submitter", "--city", "北京市", "--generate", "--data", data);
        assertThat(wrongCity.code()).isEqualTo(2);
        assertThat(wrongCity.err()).contains("北京市 不是 45 个试点之一");
        CliTest.Run twice = CliTest.run("users", "add", "admin", "--role", "admin", "--generate", "--lang", "en", "--data", data);
        assertThat(twice.err()).contains("there is an account admin already");

        CliTest.Run list = CliTest.run("users", "list", "--data", data);
        assertThat(list.out()).contains("admin\tadmin\t*\tactive", "li.si\treviewer\t辽宁\tactive\t李四");
        assertThat(CliTest.run("users", "disable", "li.si", "--data", data).code()).isZero();
        assertThat(CliTest.run("users", "list", "--data", data).out()).contains("li.si\treviewer\t辽宁\tdisabled");
        CliTest.Run reset = CliTest.run("users", "reset-password", "li.si", "--generate", "--lang", "en", "--data", data);
        assertThat(reset.code()).isZero();
        assertThat(reset.err()).contains("sessions have ended");
        assertThat(CliTest.run("users", "disable", "nobody", "--data", data).code()).isEqualTo(2);

        CliTest.Run token = CliTest.run("tokens", "add", "admin", "--label", "prometheus", "--scope", "metrics", "--lang", "en", "--data", data);
        assertThat(token.code()).as(token.err()).isZero();
        assertThat(token.out().strip()).startsWith("pct_");
        String id = token.err().replaceFirst("(?s).*made token ([0-9a-f]{32}).*", "$1");
        assertThat(CliTest.run("tokens", "list", "--data", data).out()).contains(id + "\tadmin\tmetrics\tprometheus", "live");
        assertThat(CliTest.run("tokens", "revoke", id, "--data", data).code()).isZero();
        assertThat(CliTest.run("tokens", "list", "--data", data).out()).contains("revoked");
        assertThat(CliTest.run("tokens", "add", "admin", "--label", "x", "--scope", "all", "--lang", "en", "--data", data).err())
                .contains("submit, read or metrics");

        CliTest.Run audit = CliTest.run("audit", "--data", data);
        assertThat(audit.code()).as(audit.err()).isZero();
        assertThat(audit.out()).contains("\tcli\t-\taccount.created\tadmin", "account.disabled\tli.si", "token.revoked\t" + id);
        CliTest.Run csv = CliTest.run("audit", "-f", "csv", "--since", "2000-01-01", "--data", data);
        assertThat(csv.out()).startsWith("at,actor,address,action,object,detail").contains(",cli,,account.created,admin,admin");
        assertThat(CliTest.run("audit", "-f", "json", "--since", "2999-01-01", "--data", data).out()).contains("\"audit\" : [ ]");
    }

    @Test
    void withoutAnAccountServeBindsLoopbackOnly() {
        CliTest.Run serve = CliTest.run("serve", "--lang", "en", "--bind", "0.0.0.0", "--port", "0", "--data",
                tmp.resolve("empty").toString());
        assertThat(serve.code()).isEqualTo(2);
        assertThat(serve.err()).contains("desktop mode", "pilotcheck users add");
        assertThat(tmp.resolve("empty").resolve(StoreLocation.FILE_NAME)).exists();
    }
}
