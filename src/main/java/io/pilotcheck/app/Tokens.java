package io.pilotcheck.app;

import io.pilotcheck.store.AccountStore;
import io.pilotcheck.store.AccountStore.Account;
import io.pilotcheck.store.AccountStore.AuditEntry;
import io.pilotcheck.store.AccountStore.Token;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tokens for tools (docs/spec/access.md, "Tokens for tools"): a token belongs to an account and
 * acts with its role and scope, narrowed to what the token may (submit, read, metrics); it is
 * shown once when made and kept only as its SHA-256; revoked, it opens nothing.
 */
public final class Tokens {

    /** What a token may do. */
    public static final Set<String> SCOPES = Set.of("submit", "read", "metrics");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountStore store;

    /** Tokens of the accounts of {@code store}. */
    public Tokens(AccountStore store) {
        this.store = store;
    }

    /** A token made: the secret to give the tool (shown this once) and what is kept of it. */
    public record Made(String secret, Token token) {
    }

    /** A token in use: the account it acts for and what it may do. */
    public record Acting(Account account, Token token) {
    }

    /**
     * Makes a token for {@code account}.
     *
     * @throws Accounts.Refused for an unknown account or scope, or an empty label
     */
    public Made add(String account, String label, String scope, String actor, String address, Instant at) {
        if (store.account(account).isEmpty()) {
            throw new Accounts.Refused("noSuchAccount", "name", account);
        }
        if (!SCOPES.contains(scope)) {
            throw new Accounts.Refused("badScope", "scope", String.valueOf(scope));
        }
        if (label == null || label.isBlank() || label.length() > 200) {
            throw new Accounts.Refused("badLabel");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "pct_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // the store's id form (time-ordered, 32 hexadecimal digits), so a token's id is safe in any page
        String id = io.pilotcheck.store.StoreIds.next(at);
        Token token = new Token(id, account, label.strip(), scope, Logins.sha256(secret), at, null, null);
        store.addToken(token, new AuditEntry(at, actor, address, "token.created", id, account + " " + scope + " " + label.strip()));
        return new Made(secret, token);
    }

    /** The account and token a {@code Bearer} secret stands for, if it is a live token of an active account; notes its use. */
    public Optional<Acting> acting(String secret, Instant at) {
        if (secret == null || !secret.startsWith("pct_") || secret.length() > 100) {
            return Optional.empty();
        }
        Optional<Token> token = store.tokenBySecret(Logins.sha256(secret)).filter(t -> t.revokedAt() == null);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Optional<Account> account = store.account(token.get().account()).filter(Account::active);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        store.touchToken(token.get().id(), at);
        return Optional.of(new Acting(account.get(), token.get()));
    }

    /** The tokens of {@code account}, or of everyone when null. */
    public List<Token> list(String account) {
        return store.tokens(account);
    }

    /** Revokes a token; false when there is no such live token. */
    public boolean revoke(String id, String actor, String address, Instant at) {
        return store.revokeToken(id, at, new AuditEntry(at, actor, address, "token.revoked", id, null));
    }
}
