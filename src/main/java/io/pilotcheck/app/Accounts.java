package io.pilotcheck.app;

import io.pilotcheck.registry.PilotCity;
import io.pilotcheck.registry.PilotRegistry;
import io.pilotcheck.registry.Scope;
import io.pilotcheck.store.AccountStore;
import io.pilotcheck.store.AccountStore.Account;
import io.pilotcheck.store.AccountStore.AuditEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The accounts of a shared service (docs/spec/access.md): adding one, changing its state or
 * password, and what its role and scope make of it; each change written with its audit row.
 * The first account puts the store in shared mode.
 */
public final class Accounts {

    /** The roles of docs/spec/access.md. */
    public enum AccountRole {
        /** Everything, plus accounts, tokens of others, periods, the audit log. */
        admin,
        /** The pilots of all provinces or of named ones. */
        reviewer,
        /** One pilot city. */
        submitter
    }

    /** A request that cannot be done: a message key of the front end's words, and its values. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final transient Object[] values;

        Refused(String key, Object... namesAndValues) {
            super(key);
            this.key = key;
            this.values = namesAndValues.clone();
        }

        /** The message's key ({@code account.KEY} in the front end's words). */
        public String key() {
            return key;
        }

        /** Its values, name then value. */
        public Object[] values() {
            return values.clone();
        }
    }

    /** A login name: letters, digits and {@code . _ @ -}, 2 to 64 of them. */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._@-]{2,64}");

    private final io.pilotcheck.store.SubmissionStore store;
    private final Supplier<PilotRegistry> registry;

    /** Accounts in {@code store}, scopes named from {@code registry}'s pilots. */
    public Accounts(io.pilotcheck.store.SubmissionStore store, Supplier<PilotRegistry> registry) {
        this.store = store;
        this.registry = registry;
    }

    /** Whether the store is in shared mode: it holds an account. */
    public boolean shared() {
        return store.accountCount() > 0;
    }

    /**
     * Adds an account. A reviewer's provinces may be named as the annex, in full or in English
     * (辽宁, 辽宁省, Liaoning), and are kept as the annex names them; none means every pilot. A
     * submitter names its one pilot city.
     *
     * @throws Refused when the name is taken or malformed, the password too short, or the scope does not fit the role
     */
    public Account add(String name, String displayName, AccountRole role, List<String> provinces, String city, String password,
                       String actor, String address, Instant at) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new Refused("badName", "name", String.valueOf(name));
        }
        Passwords.problem(password).ifPresent(p -> {
            throw new Refused(p, "min", Passwords.MIN_LENGTH);
        });
        List<String> kept = new ArrayList<>();
        String pilot = null;
        switch (role) {
            case admin -> {
                if (!provinces.isEmpty() || city != null) {
                    throw new Refused("adminScope");
                }
            }
            case reviewer -> {
                if (city != null) {
                    throw new Refused("reviewerCity");
                }
                for (String p : provinces) {
                    kept.add(province(p));
                }
            }
            case submitter -> {
                if (city == null || !provinces.isEmpty()) {
                    throw new Refused("submitterCity");
                }
                pilot = registry.get().find(city).map(PilotCity::name)
                        .orElseThrow(() -> new Refused("unknownCity", "city", city));
            }
            default -> throw new IllegalStateException(role.name());
        }
        Account account = new Account(name, displayName, role.name(), kept, pilot, Passwords.hash(password), true, at, at);
        if (!store.addAccount(account, new AuditEntry(at, actor, address, "account.created", name, describe(account)))) {
            throw new Refused("nameTaken", "name", name);
        }
        return account;
    }

    private String province(String named) {
        return registry.get().cities().stream().filter(c -> c.provinceMatches(named)).map(PilotCity::province).findFirst()
                .orElseThrow(() -> new Refused("unknownProvince", "province", named));
    }

    /** What the audit log says of an account: its role and scope. */
    private static String describe(Account a) {
        return a.role() + (a.city() != null ? " " + a.city() : a.provinces().isEmpty() ? "" : " " + String.join(",", a.provinces()));
    }

    /** Every account, by name. */
    public List<Account> list() {
        return store.accounts();
    }

    /** An address as notifications are mailed to: one {@code @}, no space, at most 320 characters. */
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

    /**
     * Sets where an account's notifications are mailed, and in which language.
     *
     * @param email an address, or null for the inbox page only
     * @param lang  {@code zh} or {@code en}
     * @throws Refused {@code badEmail}, {@code badLang}, {@code noSuchAccount}
     */
    public void setContact(String name, String email, String lang, String actor, String address, Instant at) {
        store.account(name).orElseThrow(() -> new Refused("noSuchAccount", "name", name));
        io.pilotcheck.store.ReviewStore.Contact c = contact(name, email, lang);
        store.setContact(c,
                new AuditEntry(at, actor, address, "account.contact", name, (c.email() == null ? "-" : c.email()) + " " + c.lang()));
    }

    /**
     * A contact as it is kept, or why it cannot be: a front end asks before adding an account,
     * so that a bad address adds nothing.
     *
     * @throws Refused {@code badEmail}, {@code badLang}
     */
    public static io.pilotcheck.store.ReviewStore.Contact contact(String name, String email, String lang) {
        String mail = email == null || email.isBlank() ? null : email.strip();
        if (mail != null && (mail.length() > 320 || !EMAIL.matcher(mail).matches())) {
            throw new Refused("badEmail", "email", mail);
        }
        String language = lang == null || lang.isBlank() ? "zh" : lang.strip();
        if (!language.equals("zh") && !language.equals("en")) {
            throw new Refused("badLang", "lang", language);
        }
        return new io.pilotcheck.store.ReviewStore.Contact(name, mail, language);
    }

    /** Disables or enables an account; a disabled one's sessions end. */
    public Account setActive(String name, boolean active, String actor, String address, Instant at) {
        Account a = store.account(name).orElseThrow(() -> new Refused("noSuchAccount", "name", name));
        Account changed = new Account(a.name(), a.displayName(), a.role(), a.provinces(), a.city(), a.passwordHash(), active,
                a.createdAt(), at);
        store.changeAccount(changed, new AuditEntry(at, actor, address, active ? "account.enabled" : "account.disabled", name, null));
        return changed;
    }

    /** Sets a new password; the account's sessions end. */
    public Account setPassword(String name, String password, String actor, String address, Instant at) {
        Passwords.problem(password).ifPresent(p -> {
            throw new Refused(p, "min", Passwords.MIN_LENGTH);
        });
        Account a = store.account(name).orElseThrow(() -> new Refused("noSuchAccount", "name", name));
        Account changed = new Account(a.name(), a.displayName(), a.role(), a.provinces(), a.city(), Passwords.hash(password), a.active(),
                a.createdAt(), at);
        store.changeAccount(changed, new AuditEntry(at, actor, address, "account.password", name, null));
        return changed;
    }

    /**
     * The active account {@code name} names, when {@code password} is its password: as long to
     * answer for a name that does not exist as for one that does.
     */
    public Optional<Account> verify(String name, String password) {
        return verify(store, name, password);
    }

    /** As {@link #verify(String, String)}, against the accounts of {@code store}. */
    static Optional<Account> verify(AccountStore store, String name, String password) {
        Optional<Account> a = name == null ? Optional.empty() : store.account(name);
        boolean match = Passwords.matches(password == null ? "" : password, a.map(Account::passwordHash).orElse(null));
        return match && a.get().active() ? a : Optional.empty();
    }

    /** What an account may see: every pilot (an admin, a reviewer of all provinces), its provinces, or its city. */
    public static Scope scope(Account a) {
        if (a.role().equals(AccountRole.submitter.name())) {
            return Scope.city(a.city());
        }
        return a.provinces().isEmpty() ? Scope.all() : Scope.provinces(a.provinces());
    }
}
