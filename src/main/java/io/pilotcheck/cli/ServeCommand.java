package io.pilotcheck.cli;

import io.pilotcheck.dossier.LoadLimits;
import io.pilotcheck.failure.RootCause;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.serve.CheckServer;
import io.pilotcheck.serve.ServedRules;
import io.pilotcheck.serve.ServiceLog;
import io.pilotcheck.serve.UploadLimits;
import io.pilotcheck.store.sql.StoreLocation;
import io.pilotcheck.store.sql.SqlSubmissionStore;
import io.pilotcheck.store.SubmissionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/** {@code pilotcheck serve}: maps its options to a {@link CheckServer} and runs it until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the checker over HTTP: the check API and a page for reviewers "
        + "(contract: docs/spec/http-api.md). Loopback only until access control exists.")
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8417",
            description = "the port (default: 8417; 0 picks a free one, named in the start-up line)")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "the address to serve on (default: 127.0.0.1); only loopback until access control exists")
    String bind;

    @Option(names = "--max-upload", paramLabel = "SIZE", defaultValue = "64MiB", converter = SizeConverter.class,
            description = "the largest request body (default: 64MiB); larger ones are refused with 413")
    long maxUpload;

    @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "10MiB", converter = SizeConverter.class,
            description = "a dossier larger than this is not read but reported as an error (default: 10MiB)")
    long maxFileSize;

    @Option(names = "--base-path", paramLabel = "PATH", defaultValue = "",
            description = "serve every page and route under PATH (/pilotcheck), for a reverse proxy that passes that sub-path through")
    String basePath;

    @Option(names = "--time-zone", paramLabel = "ZONE",
            description = "the time zone pages, reports and download names show times and dates in (Asia/Shanghai; default: the system's)")
    String timeZone;

    @Option(names = "--checks-at-once", paramLabel = "N",
            description = "batches checked at once (default: one per core)")
    Integer checksAtOnce;

    @Option(names = "--requests-admitted", paramLabel = "N",
            description = "batches read and waiting for a check; more are answered 503 busy (default: 64, or 16 per core)")
    Integer requestsAdmitted;

    @Option(names = "--bytes-admitted", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "memory all requests being read and checked may hold; past it a request is 503 busy (default: half the heap)")
    Long bytesAdmitted;

    @Option(names = "--pool-size", paramLabel = "N", defaultValue = "8",
            description = "the most connections to the store at once (default: 8)")
    int poolSize;

    @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "text",
            description = "the log's lines: text (default: time, level, message) or json (one JSON object a line)")
    ServiceLogging.Format logFormat;

    @Option(names = "--log-file", paramLabel = "FILE",
            description = "write the log to FILE instead of stderr, rotated daily and at 100 MB, kept 30 days (FILE.DATE.N.gz)")
    java.nio.file.Path logFile;

    @Option(names = "--trust-proxy", paramLabel = "ADDRESS", split = ",",
            description = "a reverse proxy's address (repeatable): for requests from it, the client is taken from X-Forwarded-For")
    java.util.Set<String> trustedProxies = new java.util.HashSet<>();

    @Option(names = "--host", paramLabel = "NAME", split = ",",
            description = "a host name shared mode answers to (repeatable; beside the bound address and localhost): the name users open")
    java.util.Set<String> hosts = new java.util.HashSet<>();

    @Option(names = "--smtp", paramLabel = "URL",
            description = "mail the review loop's notifications through this server: smtp://[USER:PASSWORD@]HOST[:PORT]?from=ADDRESS"
                    + "[&starttls=true] or smtps://… (keep it in the settings file or $PILOTCHECK_SMTP, not on the command line)")
    String smtp;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "serve HTTPS with this PEM certificate (and its chain), with --tls-key; HSTS is sent")
    java.nio.file.Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "the certificate's PEM private key (unencrypted PKCS#8 or PKCS#1)")
    java.nio.file.Path tlsKey;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--migrate", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            description = "apply the store's pending schema migrations at start (default: yes for the embedded store, "
                    + "no for --db: run pilotcheck migrate, so the service's database user needs no right to change tables)")
    Boolean migrate;

    /** The SMTP server notifications are mailed through, when one was named. */
    private io.pilotcheck.serve.SmtpServer smtpServer;

    /** The certificate and key read at start, when serving HTTPS. */
    private io.pilotcheck.serve.TlsKeys tlsKeys;

    /** The zone {@code name} names (an IANA name such as {@code Asia/Shanghai}, or an offset such as {@code +08:00}), or empty. */
    static Optional<java.util.TimeZone> zone(String name) {
        try {
            return Optional.of(java.util.TimeZone.getTimeZone(java.time.ZoneId.of(name.strip())));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        String base;
        try {
            base = CheckServer.basePath(basePath);
        } catch (IllegalArgumentException e) {
            err.println(Say.say(common.lang, "serveBadBasePath", "path", basePath));
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        }
        if (timeZone != null) {
            Optional<java.util.TimeZone> zone = zone(timeZone);
            if (zone.isEmpty()) {
                err.println(Say.say(common.lang, "serveBadTimeZone", "zone", timeZone));
                err.flush();
                return ExitCode.CANNOT_CHECK.code();
            }
            // the process's zone: every date the service shows (io.pilotcheck.words.Clock) follows it
            java.util.TimeZone.setDefault(zone.get());
        }
        if (smtp != null) {
            try {
                smtpServer = io.pilotcheck.serve.SmtpServer.parse(smtp);
            } catch (IllegalArgumentException e) {
                err.println(Say.say(common.lang, "serveBadSmtp", "reason", e.getMessage()));
                err.flush();
                return ExitCode.CANNOT_CHECK.code();
            }
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            err.println(Say.say(common.lang, "serveTlsPair"));
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        }
        if (tlsCert != null) {
            try {
                tlsKeys = io.pilotcheck.serve.TlsKeys.read(tlsCert, tlsKey);
            } catch (io.pilotcheck.serve.TlsKeys.Unusable e) {
                err.println(Say.say(common.lang, "serveTlsUnusable", "reason", e.getMessage()));
                err.flush();
                return ExitCode.CANNOT_CHECK.code();
            }
        }
        UploadLimits limits = UploadLimits.of(maxUpload, maxFileSize);
        if ((checksAtOnce != null && checksAtOnce < 1) || (requestsAdmitted != null && requestsAdmitted < 1) || poolSize < 1) {
            err.println(Say.say(common.lang, "serveBadCapacity"));
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        }
        if (checksAtOnce != null || requestsAdmitted != null) {
            limits = limits.withCapacity(checksAtOnce != null ? checksAtOnce : limits.checksAtOnce(),
                    requestsAdmitted != null ? requestsAdmitted : limits.requestsAdmitted());
        }
        if (bytesAdmitted != null) {
            limits = limits.withMemory(bytesAdmitted);
        }
        StoreLocation where = storeOptions.location();
        boolean migrates = migrate != null ? migrate : where.migratesItself();
        CompletableFuture<SubmissionStore> opening;
        if (loopback(bind)) {
            // the store opens (and migrates its schema) on a third thread, beside the rules and Jetty
            opening = CompletableFuture.supplyAsync(() -> SqlSubmissionStore.open(where, migrates, poolSize),
                    task -> new Thread(task, "store-opening").start());
        } else {
            // beyond loopback only in shared mode: the store is opened before anything listens, asked, then served
            SubmissionStore early;
            try {
                early = SqlSubmissionStore.open(where, migrates, poolSize);
            } catch (RuntimeException e) {
                err.println(Say.say(common.lang, "serveNoStore", "store", where.shown(), "reason", RootCause.message(e)));
                err.flush();
                return ExitCode.CANNOT_CHECK.code();
            }
            if (early.accountCount() == 0) {
                early.close();
                // desktop mode (no account in the store): nobody but this PC's own user may reach it
                err.println(Say.say(common.lang, "serveLoopbackOnly", "address", bind));
                err.flush();
                return ExitCode.CANNOT_CHECK.code();
            }
            opening = CompletableFuture.completedFuture(early);
        }
        // The rules load on their own thread while Jetty starts on this one: each takes about
        // half of the start-up, and the machine has a core for each. Requests that arrive before
        // the start-up line wait for the rules.
        CompletableFuture<Optional<RuleBook>> loading = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                loading.complete(RulesLoading.load(common.rulesDir(), common.cache(), common.lang, err));
            } catch (RuntimeException | Error e) {
                loading.completeExceptionally(e);
            }
        }, "rules-loading");
        loader.start();
        ServiceLog serviceLog = ServiceLogging.start(logFormat, logFile, common.verbose);
        try {
            return serve(serviceLog, loader, loading, opening, where, limits, base, err, out);
        } finally {
            ServiceLogging.stop();
        }
    }

    private int serve(ServiceLog serviceLog, Thread loader, CompletableFuture<Optional<RuleBook>> loading,
                      CompletableFuture<SubmissionStore> opening, StoreLocation where, UploadLimits limits, String base,
                      PrintWriter err, PrintWriter out) throws InterruptedException {
        java.util.function.Consumer<String> log = serviceLog::info;
        CompletableFuture<ServedRules> served = new CompletableFuture<>();
        CheckServer server = new CheckServer(() -> served.join().state(), limits, serviceLog,
                () -> opening.join(), base).trustProxies(trustedProxies).hosts(hosts);
        if (tlsKeys != null) {
            server.tls(tlsKeys);
        }
        try {
            server.start(bind, port);
        } catch (RuntimeException e) {
            loader.join();
            opening.thenAccept(SubmissionStore::close);
            startFailed(serviceLog, err, "serveCannotStart", "address", bind, "port", port, "reason", RootCause.message(e));
            return ExitCode.CANNOT_CHECK.code();
        }
        SubmissionStore store;
        try {
            store = opening.join();
        } catch (java.util.concurrent.CompletionException e) {
            loader.join();
            server.close();
            startFailed(serviceLog, err, "serveNoStore", "store", where.shown(), "reason", RootCause.message(e));
            return ExitCode.CANNOT_CHECK.code();
        }
        Optional<RuleBook> book = loading.join();
        if (book.isEmpty()) {
            server.close();
            store.close();
            return ExitCode.CANNOT_CHECK.code();
        }
        ServedRules rules = new ServedRules(book.get(), common.rulesDir(), common.cache(), log, server::countReload)
                .onChange(server::rulesChanged);
        if (common.rules == null) {
            // no rules folder named: the store's published rule set, when there is one, is what
            // every instance on the store checks with (docs/operations.md, "Rules in production")
            rules.follow(io.pilotcheck.app.RuleSets.of(store), ruleSetFolders(), java.time.Duration.ofSeconds(2));
        }
        served.complete(rules);
        try {
            rules.watch();
        } catch (java.io.IOException e) {
            log.accept("pilotcheck: cannot watch " + common.rulesDir() + " for edits: " + e.getMessage());
        }
        // reminders every minute; mail too, when an SMTP server was named
        server.notifications(smtpServer, 60);
        return serve(server, rules, store, out, base, where, log);
    }

    /**
     * A start that failed: said on stderr in the reader's language, and, when the log is the
     * operator's (a file, or JSON lines), logged there too in English, as every log line is.
     */
    private void startFailed(ServiceLog serviceLog, PrintWriter err, String key, Object... values) {
        err.println(Say.say(common.lang, key, values));
        err.flush();
        if (logFile != null || logFormat == ServiceLogging.Format.json) {
            serviceLog.error(Say.say(io.pilotcheck.words.Language.EN, key, values), null);
        }
    }

    /** Where published rule sets are written out to be loaded: beside the compiled-rules cache. */
    private java.nio.file.Path ruleSetFolders() {
        return common.cache().dir().orElseGet(() -> java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "pilotcheck"))
                .resolve("rule-sets");
    }

    private int serve(CheckServer server, ServedRules rules, SubmissionStore store, PrintWriter out, String base,
                      StoreLocation where, java.util.function.Consumer<String> log) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM and Ctrl-C stop gracefully: requests in flight finish, then exit 0
        for (String signal : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(signal), s -> stopped.countDown());
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // a platform without that signal: the default handling stays
            }
        }
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        String address = (tlsKeys == null ? "http://" : "https://") + host + ":" + server.port() + base + "/";
        ServedRules.State state = rules.state();
        // the operator's line: what runs, with which rules and store, where (the line below is the one tools read)
        log.accept("pilotcheck " + Version.get() + " (commit " + io.pilotcheck.api.ToolVersion.commit() + ") started: rules "
                + (state.ruleSet() > 0 ? "rule set " + state.ruleSet() + " from the store" : common.rulesDir().toAbsolutePath().normalize())
                + " (" + state.book().rules().size() + " rules, " + state.book().fingerprint() + "), store " + where.shown()
                + ", serving on " + address);
        out.println("pilotcheck: serving on " + address);
        out.flush();
        stopped.await();
        rules.close();
        server.close();
        store.close();
        return ExitCode.OK.code();
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
