package io.pilotcheck.cli;

import io.pilotcheck.app.Tokens;
import io.pilotcheck.store.AccountStore.Token;
import io.pilotcheck.store.SubmissionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Instant;

/** {@code pilotcheck tokens add NAME --label L --scope S | list | revoke ID}: tools' tokens (docs/spec/access.md). */
@Command(name = "tokens", mixinStandardHelpOptions = true, description = "Manage the tokens tools call the API with.",
        subcommands = {TokensCommand.Add.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class})
public final class TokensCommand {

    /** A {@code tokens} subcommand. */
    abstract static class OnTokens extends AccountCommand {

        @Override
        final int run(SubmissionStore kept, PrintWriter out, PrintWriter err) {
            return run(new Tokens(kept), out, err);
        }

        abstract int run(Tokens tokens, PrintWriter out, PrintWriter err);
    }

    /** {@code tokens add NAME --label L --scope S}: prints the token once. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Make a token for an account; it is printed once and kept only as its hash.")
    public static final class Add extends OnTokens {
        @Parameters(paramLabel = "NAME", descriptionKey = "NAME", description = "the account the token acts for")
        String name;

        @Option(names = "--label", required = true, paramLabel = "LABEL", description = "what it is for (ci, prometheus)")
        String label;

        @Option(names = "--scope", defaultValue = "read", paramLabel = "submit|read|metrics",
                description = "what it may do (default: read)")
        String scope;

        @Override
        int run(Tokens tokens, PrintWriter out, PrintWriter err) {
            Tokens.Made made = tokens.add(name, label, scope, "cli", null, Instant.now());
            out.println(made.secret());
            err.println(Say.say(common.lang, "token.added", "id", made.token().id(), "name", name, "scope", scope));
            return ExitCode.OK.code();
        }
    }

    /** {@code tokens list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tokens: id, account, scope, label, made, last used, revoked.")
    public static final class ListTokens extends OnTokens {
        @Override
        int run(Tokens tokens, PrintWriter out, PrintWriter err) {
            for (Token t : tokens.list(null)) {
                out.println(t.id() + "\t" + t.account() + "\t" + t.scope() + "\t" + t.label() + "\t" + t.createdAt() + "\t"
                        + (t.lastUsedAt() == null ? "-" : t.lastUsedAt()) + "\t" + (t.revokedAt() == null ? "live" : "revoked " + t.revokedAt()));
            }
            return ExitCode.OK.code();
        }
    }

    /** {@code tokens revoke ID}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token: it opens nothing from now on.")
    public static final class Revoke extends OnTokens {
        @Parameters(paramLabel = "ID", descriptionKey = "ID", description = "the token's id (tokens list)")
        String id;

        @Override
        int run(Tokens tokens, PrintWriter out, PrintWriter err) {
            boolean done = tokens.revoke(id, "cli", null, Instant.now());
            err.println(Say.say(common.lang, done ? "token.revoked" : "token.noSuchToken", "id", id));
            return done ? ExitCode.OK.code() : ExitCode.CANNOT_CHECK.code();
        }
    }
}
