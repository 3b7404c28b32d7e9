package io.pilotcheck.cli;

import io.pilotcheck.app.Accounts;
import io.pilotcheck.app.Passwords;
import io.pilotcheck.registry.PilotRegistry;
import io.pilotcheck.store.AccountStore.Account;
import io.pilotcheck.store.SubmissionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code pilotcheck users …}: the accounts of a shared service (docs/spec/access.md), on the
 * store the service uses. The first account puts the store in shared mode. A password is read
 * from standard input (its first line) or, with {@code --generate}, made and printed once.
 */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage the accounts of a shared service.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Disable.class, UsersCommand.Enable.class,
                UsersCommand.ResetPassword.class})
public final class UsersCommand {

    /** A {@code users} subcommand: the accounts, their scopes named from the rules folder's registry. */
    abstract static class OnAccounts extends AccountCommand {

        @Override
        final int run(SubmissionStore kept, PrintWriter out, PrintWriter err) throws IOException {
            Optional<PilotRegistry> registry = RulesLoading.loadRegistry(common.rulesDir(), common.lang, err);
            return registry.isEmpty() ? ExitCode.CANNOT_CHECK.code() : run(new Accounts(kept, registry::get), out, err);
        }

        abstract int run(Accounts accounts, PrintWriter out, PrintWriter err) throws IOException;

        /** The password: generated and printed once, or the first line of standard input. */
        String password(boolean generate, PrintWriter out) throws IOException {
            if (generate) {
                String made = Passwords.generate();
                out.println(Say.say(common.lang, "account.generated", "password", made));
                return made;
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        }
    }

    /** {@code users add NAME --role …}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an account; its password from standard input, or --generate to make one and print it once.")
    public static final class Add extends OnAccounts {
        @Parameters(paramLabel = "NAME", descriptionKey = "NAME", description = "the login name: letters, digits and . _ @ -")
        String name;

        @Option(names = "--role", required = true, paramLabel = "admin|reviewer|submitter", description = "the account's role")
        Accounts.AccountRole role;

        @Option(names = "--province", paramLabel = "PROVINCE", description = "a reviewer's province (repeatable; none: every pilot)")
        List<String> provinces = new ArrayList<>();

        @Option(names = "--city", paramLabel = "CITY", description = "a submitter's pilot city")
        String city;

        @Option(names = "--display-name", paramLabel = "NAME", description = "the name pages show")
        String displayName;

        @Option(names = "--generate", description = "make a password and print it once")
        boolean generate;

        @Option(names = "--email", paramLabel = "ADDRESS", description = "where its notifications are mailed (serve with an SMTP server)")
        String email;

        @Option(names = "--mail-lang", paramLabel = "zh|en", description = "the language of its notifications (default: zh)")
        String mailLang;

        @Override
        int run(Accounts accounts, PrintWriter out, PrintWriter err) throws IOException {
            Accounts.contact(name, email, mailLang);
            String password = password(generate, out);
            Account a = accounts.add(name, displayName, role, provinces, city, password, "cli", null, Instant.now());
            if (email != null || mailLang != null) {
                accounts.setContact(a.name(), email, mailLang, "cli", null, Instant.now());
            }
            err.println(Say.say(common.lang, "account.added", "name", a.name(), "role", a.role(), "scope", scope(a)));
            return ExitCode.OK.code();
        }
    }

    /** {@code users list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts: name, role, scope, state.")
    public static final class ListUsers extends OnAccounts {
        @Override
        int run(Accounts accounts, PrintWriter out, PrintWriter err) {
            for (Account a : accounts.list()) {
                out.println(a.name() + "\t" + a.role() + "\t" + scope(a) + "\t" + (a.active() ? "active" : "disabled")
                        + "\t" + (a.displayName() == null ? "" : a.displayName()));
            }
            return ExitCode.OK.code();
        }
    }

    /** {@code users disable NAME}. */
    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable an account: it can no longer sign in, and its sessions end.")
    public static final class Disable extends OnAccounts {
        @Parameters(paramLabel = "NAME", descriptionKey = "NAME", description = "the account")
        String name;

        @Override
        int run(Accounts accounts, PrintWriter out, PrintWriter err) {
            accounts.setActive(name, false, "cli", null, Instant.now());
            err.println(Say.say(common.lang, "account.disabled", "name", name));
            return ExitCode.OK.code();
        }
    }

    /** {@code users enable NAME}. */
    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled account again.")
    public static final class Enable extends OnAccounts {
        @Parameters(paramLabel = "NAME", descriptionKey = "NAME", description = "the account")
        String name;

        @Override
        int run(Accounts accounts, PrintWriter out, PrintWriter err) {
            accounts.setActive(name, true, "cli", null, Instant.now());
            err.println(Say.say(common.lang, "account.enabled", "name", name));
            return ExitCode.OK.code();
        }
    }

    /** {@code users reset-password NAME}. */
    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Set a new password (standard input, or --generate); the account's sessions end.")
    public static final class ResetPassword extends OnAccounts {
        @Parameters(paramLabel = "NAME", descriptionKey = "NAME", description = "the account")
        String name;

        @Option(names = "--generate", description = "make a password and print it once")
        boolean generate;

        @Override
        int run(Accounts accounts, PrintWriter out, PrintWriter err) throws IOException {
            accounts.setPassword(name, password(generate, out), "cli", null, Instant.now());
            err.println(Say.say(common.lang, "account.passwordSet", "name", name));
            return ExitCode.OK.code();
        }
    }

    /** An account's scope in a word or a list: every pilot, its provinces, its city. */
    private static String scope(Account a) {
        return a.city() != null ? a.city() : a.provinces().isEmpty() ? "*" : String.join(",", a.provinces());
    }
}
