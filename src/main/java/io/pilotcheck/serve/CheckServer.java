package io.pilotcheck.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.pilotcheck.app.Application;
import io.pilotcheck.app.CheckCall;
import io.pilotcheck.app.Checked;
import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.dossier.LoadLimits;
import io.pilotcheck.words.Language;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.report.ReportFormat;
import io.pilotcheck.report.ReportFormats;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code pilotcheck serve}: the check API and the reviewers' page over HTTP (contract:
 * {@code docs/spec/http-api.md}). Every check goes through {@link Check}, as the command line's
 * does, so the same files give the same report; this class only maps requests to it and its
 * results to responses.
 */
public final class CheckServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UploadLimits limits;
    private final Uploads uploads;
    private final ServiceLog log;
    /** The proxies whose {@code X-Forwarded-For} names the client ({@code serve --trust-proxy}). */
    private volatile java.util.Set<String> trustedProxies = java.util.Set.of();
    private final ServiceMetrics metrics;
    /** Batches read and waiting for a checking slot; more are refused with 503 rather than queued without end. */
    private final Semaphore admitted;
    /** The bytes requests being read and checked hold in memory, against a share of the heap. */
    private final MemoryBudget memory;
    /** Batches being checked at once: one per core, as {@code check --jobs} defaults to. */
    private final Semaphore checking;
    private final Javalin app;
    private final Supplier<ServedRules.State> rulesState;
    private final SubmissionRoutes submissions;
    /** Every page and API route, and who may use each. */
    private final RouteTable routes;
    private final Application services;
    /** Who is asking, in the service's mode: desktop (no accounts) or shared. */
    private final Access access;

    /**
     * A server, not yet started.
     *
     * @param rules  the rules in use now (swapped when the rules change) and a broken edit's problems
     * @param limits what one request may send
     * @param log    where the access log and the start-up line go
     */
    public CheckServer(Supplier<ServedRules.State> rules, UploadLimits limits, Consumer<String> log) {
        this(rules, limits, log, (io.pilotcheck.store.SubmissionStore) null);
    }

    /**
     * A server that also keeps submissions in {@code store} ({@code /api/v1/submissions},
     * {@code /api/v1/pilots}); with null, those routes answer 503 {@code store_unavailable}.
     */
    public CheckServer(Supplier<ServedRules.State> rules, UploadLimits limits, Consumer<String> log,
                       io.pilotcheck.store.SubmissionStore store) {
        this(rules, limits, log, () -> store);
    }

    /**
     * A server whose store is still opening: a request that needs it waits for it ({@code serve}
     * opens the store while Jetty starts, and prints its start-up line once both are done).
     */
    public CheckServer(Supplier<ServedRules.State> rules, UploadLimits limits, Consumer<String> log,
                       Supplier<io.pilotcheck.store.SubmissionStore> store) {
        this(rules, limits, log, store, "");
    }

    /**
     * A server under {@code basePath} ({@code serve --base-path}): every route, page link and
     * form below it, for a reverse proxy that passes a sub-path of its own through unchanged.
     *
     * @param basePath a path as {@link #basePath(String)} accepts it; empty for the root
     */
    public CheckServer(Supplier<ServedRules.State> rules, UploadLimits limits, Consumer<String> log,
                       Supplier<io.pilotcheck.store.SubmissionStore> store, String basePath) {
        this(rules, limits, ServiceLog.lines(log), store, basePath);
    }

    /** As the constructor above, telling the operator through {@code log} ({@code serve}'s logging backend). */
    public CheckServer(Supplier<ServedRules.State> rules, UploadLimits limits, ServiceLog log,
                       Supplier<io.pilotcheck.store.SubmissionStore> store, String basePath) {
        String base = basePath(basePath);
        this.rulesState = rules;
        this.services = new Application(() -> rules.get().book(), store);
        this.metrics = new ServiceMetrics(services::storeConnections);
        this.submissions = new SubmissionRoutes(this, services);
        this.access = new Access(services);
        this.routes = new RouteTable(List.of(new CheckRoutes(this, rules).routes(), submissions.routes(),
                // before the pilot's {file}: /pilots/{city}/edit is the form, not a file
                new EntryPages(this, services).routes(), new PilotRoutes(this, services).routes(),
                new ServiceRoutes(this, rules, services).routes(), new LoginRoutes(this, services).routes(),
                new AdminRoutes(this, services, rules).routes(), new ReviewRoutes(this, services).routes(),
                new ReviewPages(this, services).routes()), access);
        this.limits = limits;
        this.uploads = new Uploads(limits);
        this.log = log;
        // first come, first checked: an unfair semaphore let new requests overtake waiting ones,
        // which stretched the slowest answers under load (bench/NOTES.md)
        this.checking = new Semaphore(limits.checksAtOnce(), true);
        this.admitted = new Semaphore(limits.requestsAdmitted());
        this.memory = new MemoryBudget(limits.memory());
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = limits.maxBody();
            config.http.prefer405over404 = true;
            config.jetty.multipartConfig.maxTotalRequestSize(limits.maxBody(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxFileSize(limits.maxBody(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize((int) Math.min(Integer.MAX_VALUE, limits.maxBody()), SizeUnit.BYTES);
            config.jetty.modifyServer(server -> server.setStopTimeout(30_000));
            // what Jetty refuses before any route sees it is answered in the contract's JSON too
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            // a folder upload is one part a file: as many as a zip may hold entries (Jetty's default is 1,000)
            config.jetty.modifyServletContextHandler(handler -> handler.setMaxFormKeys(limits.maxEntries()));
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                // a client that stops sending, or trickles, gives its worker back
                http.setIdleTimeout(limits.idleMillis());
                http.setMinRequestDataRate(limits.minBytesPerSecond());
            });
            config.jetty.modifyServer(server -> {
                for (org.eclipse.jetty.server.Connector c : server.getConnectors()) {
                    if (c instanceof org.eclipse.jetty.server.AbstractConnector a) {
                        a.setIdleTimeout(limits.idleMillis());
                    }
                }
            });
            // the one connector, made at start: plain HTTP, or HTTPS with serve --tls-cert/--tls-key
            config.jetty.addConnector(this::connector);
            config.requestLogger.http(this::access);
            config.router.contextPath = base.isEmpty() ? "/" : base;
            config.routes.before(RequestIds::assign);
            config.routes.before(ctx -> BrowserGuard.before(ctx, access));
            config.routes.before(CheckServer::noControlCharactersInQuery);
            // every page's header tells of a broken rule edit, so the state it is read once a request
            config.routes.before(ctx -> ctx.attribute(PageFrame.RULE_PROBLEMS, rulesState.get().problems()));
            // what every page's header links to, asked of the store only when a page is drawn
            config.routes.before(ctx -> {
                ctx.attribute(PageFrame.UNREAD, (java.util.function.Function<io.pilotcheck.app.Caller, Integer>) c -> services.inbox().unread(c));
                ctx.attribute(PageFrame.PERIOD, (java.util.function.Supplier<String>) () -> currentPeriod());
            });
            routes.register(config.routes);
            config.routes.exception(io.pilotcheck.store.StoreUnavailable.class, (e, ctx) -> {
                log.warn("pilotcheck: the store does not answer (" + ctx.method() + " " + ctx.path() + "): " + e.getMessage());
                metrics.storeError();
                ctx.header("Retry-After", "30");
                // the driver's words name tables, statements and hosts: the log has them, the client does not
                error(ctx, new ApiError(503, "store_unavailable"));
            });
            config.routes.exception(io.pilotcheck.store.StoreRefused.class, (e, ctx) -> {
                log.warn("pilotcheck: the store refused the data (" + ctx.method() + " " + ctx.path() + "): " + e.getMessage());
                error(ctx, new ApiError(422, "not_storable"));
            });
            config.routes.exception(RouteTable.LoginRedirect.class, (e, ctx) -> {
                ctx.status(303);
                ctx.header("Location", PageFrame.base(ctx) + "/login?next="
                        + java.net.URLEncoder.encode(e.next(), java.nio.charset.StandardCharsets.UTF_8));
            });
            config.routes.exception(io.pilotcheck.app.Accounts.Refused.class, (e, ctx) -> error(ctx, ApiError.refused(e)));
            config.routes.exception(io.pilotcheck.app.Reviews.NotInScope.class,
                    (e, ctx) -> error(ctx, new ApiError(404, "not_found", "path", ctx.path())));
            config.routes.exception(ApiError.class, (e, ctx) -> {
                drainBody(ctx, e);
                error(ctx, e);
            });
            config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, switch (e.getStatus()) {
                case 404 -> new ApiError(404, "not_found", "path", ctx.path());
                case 405 -> new ApiError(405, "method_not_allowed", "method", ctx.method());
                case 413 -> new ApiError(413, "upload_too_large", "size", "?", "limit", LoadLimits.formatSize(limits.maxBody()));
                default -> new ApiError(e.getStatus(), "bad_multipart", "reason", String.valueOf(e.getMessage()));
            }));
            config.routes.exception(org.eclipse.jetty.http.BadMessageException.class, (e, ctx) -> error(ctx,
                    e.getCode() == 408 ? new ApiError(408, "too_slow", "rate", limits.minBytesPerSecond())
                            : new ApiError(400, "body_unreadable", "reason", String.valueOf(e.getReason()))));
            config.routes.exception(Exception.class, (e, ctx) -> {
                // a 500 is a bug: the log keeps where it happened, for whoever mends it
                log.error("pilotcheck: error on " + ctx.method() + " " + ctx.path(), e);
                error(ctx, new ApiError(500, "internal"));
            });
            config.routes.error(404, ctx -> {
                if (ctx.attribute(BYTES) == null) {
                    error(ctx, new ApiError(404, "not_found", "path", ctx.path()));
                }
            });
            config.routes.error(405, ctx -> error(ctx, new ApiError(405, "method_not_allowed", "method", ctx.method())));
        });
    }

    /**
     * A base path as the server uses it: {@code /} and {@code /name/…} segments of letters,
     * digits, {@code -}, {@code _}, {@code .} and {@code ~}; no trailing slash; empty for the root.
     *
     * @throws IllegalArgumentException for anything else, naming what is accepted
     */
    public static String basePath(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "";
        }
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (!p.matches("(/[A-Za-z0-9._~-]+)+") || p.contains("/./") || p.contains("/../") || p.endsWith("/.") || p.endsWith("/..")) {
            throw new IllegalArgumentException("a base path is /NAME or /NAME/NAME…, each NAME of letters, digits, - _ . ~: " + path);
        }
        return p;
    }

    /** Starts serving on {@code host:port} (port 0: any free one); returns once the port accepts requests. */
    public CheckServer start(String host, int port) {
        access.bound(host);
        this.host = host;
        this.port = port;
        app.start(host, port);
        return this;
    }

    /** What "now" is to the review loop: the system's clock, or a test's. */
    private volatile java.util.function.Supplier<java.time.Instant> clock = java.time.Instant::now;
    private Notifier notifier;

    /** Takes "now" from {@code now} (a test's clock, moved rather than waited for); before {@link #start}. */
    public CheckServer clock(java.util.function.Supplier<java.time.Instant> now) {
        this.clock = now;
        return this;
    }

    /** Now, as the review loop sees it. */
    java.time.Instant now() {
        return clock.get();
    }

    /**
     * Adds the review loop's reminders every {@code seconds} and, with {@code smtp} (or null),
     * mails the notifications; stops with the server.
     */
    public CheckServer notifications(SmtpServer smtp, long seconds) {
        notifier = new Notifier(services, this::now, smtp, log).every(seconds);
        return this;
    }

    /** One turn of the notifications at once (what the timer runs): for tests and for a start. */
    public void notifyNow() {
        (notifier != null ? notifier : new Notifier(services, this::now, null, log)).turn();
    }

    /** Serves HTTPS with this certificate and key ({@code serve --tls-cert/--tls-key}), sending HSTS; before {@link #start}. */
    public CheckServer tls(TlsKeys keys) {
        this.tls = keys;
        return this;
    }

    private volatile TlsKeys tls;
    private volatile String host;
    private volatile int port;

    /** The service's connector: HTTP, or HTTPS when a certificate was given. */
    private org.eclipse.jetty.server.Connector connector(org.eclipse.jetty.server.Server server,
                                                         org.eclipse.jetty.server.HttpConfiguration http) {
        org.eclipse.jetty.server.ServerConnector connector;
        if (tls == null) {
            connector = new org.eclipse.jetty.server.ServerConnector(server, new org.eclipse.jetty.server.HttpConnectionFactory(http));
        } else {
            org.eclipse.jetty.util.ssl.SslContextFactory.Server ssl = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
            ssl.setKeyStore(tls.keyStore());
            ssl.setKeyStorePassword("");
            org.eclipse.jetty.server.HttpConfiguration https = new org.eclipse.jetty.server.HttpConfiguration(http);
            // the Host allow-list decides which names are served; a certificate's own name check would refuse 127.0.0.1
            https.addCustomizer(new org.eclipse.jetty.server.SecureRequestCustomizer(false));
            connector = new org.eclipse.jetty.server.ServerConnector(server,
                    new org.eclipse.jetty.server.SslConnectionFactory(ssl, "http/1.1"), new org.eclipse.jetty.server.HttpConnectionFactory(https));
        }
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleMillis());
        return connector;
    }

    /** The port served on. */
    public int port() {
        return app.port();
    }

    /** Stops: requests in flight finish first. */
    @Override
    public void close() {
        if (notifier != null) {
            notifier.close();
        }
        app.stop();
        metrics.close();
    }

    static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** A day a request names ({@code YYYY-MM-DD}) under {@code name}, null when blank; else 400 {@code bad_query}. */
    static LocalDate day(Context ctx, String name, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new ApiError(400, "bad_query", "name", name, "value", v, "expected", ServeWords.word("expected.date", lang(ctx)));
        }
    }

    static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String v = blankToNull(param(ctx, name));
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiError(400, "bad_query", "name", name, "value", v, "expected",
                ServeWords.word("expected.range", lang(ctx), "min", min, "max", max));
    }

    /** Any format but the page's own is a download, named for the day it was made. */
    static void download(Context ctx, ReportFormat format, byte[] bytes) {
        ctx.header("Content-Disposition", "attachment; filename=\"pilotcheck-" + LocalDate.now() + "."
                + format.extension() + "\"");
        respond(ctx, format.mediaType(), bytes);
    }

    /** The open period's name, for every page's header; none when there is no store, or it does not answer. */
    private String currentPeriod() {
        if (!services.keepsSubmissions()) {
            return null;
        }
        try {
            return services.periods().current().map(io.pilotcheck.store.ReviewStore.Period::name).orElse(null);
        } catch (io.pilotcheck.store.StoreUnavailable e) {
            return null;
        }
    }

    /** Every page and API route, with the role each needs. */
    List<Route> routes() {
        return routes.routes();
    }

    /** The routes that keep submissions, for the page's form. */
    SubmissionRoutes submissions() {
        return submissions;
    }

    /**
     * The waivers granted in review that hold on {@code at}'s day; none when the store does not
     * answer and nothing is being kept (a check that keeps nothing goes on without the store).
     */
    private List<io.pilotcheck.finding.Waiver> granted(java.time.Instant at, io.pilotcheck.store.ReviewStore.Period period) {
        try {
            return services.reviews().waivers(io.pilotcheck.words.Clock.day(at));
        } catch (io.pilotcheck.store.StoreUnavailable e) {
            if (period != null) {
                throw e;
            }
            return List.of();
        }
    }

    /** Checks the upload as {@code at} (the report's generation date is that moment's day), reported in {@code format}. */
    Checked check(Context ctx, ReportFormat format, java.time.Instant at) throws IOException {
        return check(ctx, format, at, null);
    }

    /**
     * As above, for a submission sent for {@code period} (or null): checked as of the period's
     * date unless the request names one; the waivers reviewers granted apply whenever there is a store.
     */
    Checked check(Context ctx, ReportFormat format, java.time.Instant at, io.pilotcheck.store.ReviewStore.Period period)
            throws IOException {
        CheckCall call = call(ctx, format, at, period, asOf(ctx));
        // the body is read before a slot is taken: a client trickling its upload holds only the
        // bytes it has sent (against the memory budget), not a place among the checks
        try (MemoryBudget.Reservation held = memory.open()) {
            List<DossierInput> inputs = uploads.read(ctx, held);
            return check(ctx, inputs, call);
        }
    }

    /** As above, for dossiers the front end made (the web form's), not read from the request's body. */
    Checked check(Context ctx, List<DossierInput> inputs, ReportFormat format, java.time.Instant at,
                  io.pilotcheck.store.ReviewStore.Period period) {
        return check(ctx, inputs, call(ctx, format, at, period, null));
    }

    /**
     * A check as of {@code asOf} (null: the period's date, else each dossier's own), with the
     * waivers granted in review whenever there is a store.
     */
    private CheckCall call(Context ctx, ReportFormat format, java.time.Instant at, io.pilotcheck.store.ReviewStore.Period period,
                           LocalDate asOf) {
        CheckCall asked = new CheckCall(format, lang(ctx), asOf, failOn(ctx), at, limits.maxFile());
        return !services.keepsSubmissions() ? asked
                : asked.forPeriod(asOf != null || period == null ? asOf : period.asOf(), granted(at, period));
    }

    private Checked check(Context ctx, List<DossierInput> inputs, CheckCall call) {
        Checked c = withinLimits(ctx, () -> services.checks().check(inputs, call));
        c.batch().dossiers().forEach(d -> metrics.checked(d.verdict().id(), 1));
        return c;
    }

    /**
     * Runs {@code work} (a re-check) within the same limits as a check: an admission slot, or 503
     * {@code busy}, then a checking slot for as long as it runs.
     */
    <T> T withinLimits(Context ctx, Supplier<T> work) {
        if (!admitted.tryAcquire()) {
            throw new ApiError(503, "busy", "seconds", 5);
        }
        try {
            checking.acquireUninterruptibly();
            try {
                return work.get();
            } finally {
                checking.release();
            }
        } finally {
            admitted.release();
        }
    }

    /** Writes to the audit log that an edit of the rules folder changed the rules in use (when the service keeps a store). */
    public void rulesChanged(String before, String after) {
        if (!services.keepsSubmissions()) {
            return;
        }
        try {
            services.auditLog().add(java.time.Instant.now(), "system", null, "rules.changed", after, before + " → " + after);
        } catch (RuntimeException e) {
            log.warn("pilotcheck: the audit log could not note the rules' change: " + e.getMessage());
        }
    }

    /** Counts a rebuild of the rules, built or not. */
    public void countReload() {
        metrics.reloaded(rulesState.get().problems().isEmpty());
    }

    /** The metrics, for {@code /metrics}. */
    ServiceMetrics metrics() {
        return metrics;
    }

    /** Answers with a page. */
    static void page(Context ctx, String html) {
        respond(ctx, "text/html; charset=utf-8", html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * A NUL or another control character in a query value is no city, date or cursor; PostgreSQL
     * refuses a NUL outright, which would read as the store failing.
     */
    private static void noControlCharactersInQuery(Context ctx) {
        ctx.queryParamMap().forEach((name, values) -> {
            for (String v : values) {
                if (UploadNames.hasControlCharacter(name + v)) {
                    throw new ApiError(400, "bad_query", "name", UploadNames.shown(name), "value", UploadNames.shown(v),
                            "expected", ServeWords.word("expected.text", langOrChinese(ctx)));
                }
            }
        });
    }

    /** A parameter from the query, else (the page's form) from the multipart fields. */
    static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if ((v == null || v.isBlank()) && ctx.method().toString().equals("POST") && PageFrame.route(ctx).equals("/")
                && ctx.isMultipartFormData()) {
            v = ctx.formParam(name);
        }
        return v;
    }

    static Language lang(Context ctx) {
        String v = param(ctx, "lang");
        if (v == null || v.isBlank()) {
            return Language.ZH;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "zh" -> Language.ZH;
            case "en" -> Language.EN;
            default -> throw new ApiError(400, "bad_query", "name", "lang", "value", v,
                    "expected", ServeWords.word("expected.lang", Language.ZH));
        };
    }

    private static LocalDate asOf(Context ctx) {
        String v = param(ctx, "as_of");
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new ApiError(400, "bad_query", "name", "as_of", "value", v, "expected",
                    ServeWords.word("expected.date", lang(ctx)));
        }
    }

    static ReportFormat format(Context ctx, String defaultFormat) {
        String v = param(ctx, "format");
        String name = v == null || v.isBlank() ? defaultFormat : v.strip().toLowerCase(Locale.ROOT);
        return ReportFormats.find(name).orElseThrow(() -> new ApiError(400, "bad_query", "name", "format", "value", v,
                "expected", ServeWords.word("expected.format", lang(ctx), "formats", String.join(", ", ReportFormats.names()))));
    }

    static Severity failOn(Context ctx) {
        String v = param(ctx, "fail_on");
        if (v == null || v.isBlank()) {
            return Severity.VIOLATION;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "violation" -> Severity.VIOLATION;
            case "warning" -> Severity.WARNING;
            case "never" -> null;
            default -> throw new ApiError(400, "bad_query", "name", "fail_on", "value", v, "expected",
                    ServeWords.word("expected.failOn", lang(ctx)));
        };
    }

    /** The request's language, or Chinese when it names none it may: for an error about the request itself. */
    private static Language langOrChinese(Context ctx) {
        try {
            return lang(ctx);
        } catch (RuntimeException unreadable) { // a bad lang, or a form body that cannot be read again
            return Language.ZH;
        }
    }

    /**
     * Reads and drops what is left of a body refused part-way (over the memory budget, say), up
     * to the largest body accepted: a client still sending then reads the answer, where a
     * connection closed under it would show a reset instead of the reason.
     */
    private void drainBody(Context ctx, ApiError e) {
        long declared = ctx.req().getContentLengthLong();
        if ((e.status() != 413 && e.status() != 503 && e.status() != 422) || declared <= 0 || declared > limits.maxBody()) {
            return; // a body declared over the limit is refused on its headers alone, unread
        }
        try {
            java.io.InputStream in = ctx.req().getInputStream();
            byte[] skip = new byte[1 << 16];
            long left = declared;
            for (int n; left > 0 && (n = in.read(skip, 0, (int) Math.min(skip.length, left))) > 0; ) {
                left -= n;
            }
        } catch (IOException | RuntimeException gone) {
            // the client stopped sending, or the body was read already: nothing is left to drop
        }
    }

    private static void error(Context ctx, ApiError e) {
        Language lang = langOrChinese(ctx);
        if (e.code().equals("busy")) {
            // whichever limit said so: the memory budget, the checks waiting, a re-check's slot
            ctx.header("Retry-After", "5");
        }
        if (forBrowser(ctx)) {
            ctx.status(e.status());
            respond(ctx, "text/html; charset=utf-8", ErrorPage.html(ctx, lang, e).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        respond(ctx.status(e.status()), "application/json; charset=utf-8", errorBody(e, lang));
    }

    /** The contract's error body: {@code {"error": {"code", "message", "message_en"}}}, {@code message} in {@code lang}. */
    static byte[] errorBody(ApiError e, Language lang) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode err = body.putObject("error");
        err.put("code", e.code());
        err.put("message", e.message(lang));
        err.put("message_en", e.message(Language.EN));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        } catch (IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
    }

    /**
     * Whether an error goes to a person: the page's own form always does; elsewhere outside the
     * API, a request that asks for HTML (a browser's address bar) does. Tools keep the contract's JSON.
     */
    private static boolean forBrowser(Context ctx) {
        if (PageFrame.route(ctx).equals("/")) {
            return true;
        }
        String accept = ctx.header("Accept");
        return !PageFrame.route(ctx).startsWith("/api/") && accept != null && accept.contains("text/html");
    }

    static void json(Context ctx, int status, ObjectNode body) {
        try {
            respond(ctx.status(status), "application/json; charset=utf-8", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The request attribute holding the response body's length, for the access log. */
    private static final String BYTES = "pilotcheck.bytes";

    /** Answers with a body, noting its length for the access log (the body is gone by then). */
    static void respond(Context ctx, String type, byte[] body) {
        ctx.attribute(BYTES, body.length);
        ctx.contentType(type).result(body);
    }

    private static final java.util.Set<String> KNOWN_METHODS =
            java.util.Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

    /**
     * The method as a metric label: a client may send any token as its method, and each label
     * value is a series kept for ever, so a method HTTP does not define is {@code other}.
     */
    static String methodLabel(String method) {
        return KNOWN_METHODS.contains(method) ? method : "other";
    }

    /**
     * Takes the client's address from {@code X-Forwarded-For} when a request comes from one of
     * {@code proxies} (a reverse proxy in front of the service); others' headers are not believed.
     */
    public CheckServer trustProxies(java.util.Set<String> proxies) {
        this.trustedProxies = java.util.Set.copyOf(proxies);
        return this;
    }

    /** Shared mode's accepted host names besides loopback and the bound address ({@code serve --host}). */
    public CheckServer hosts(java.util.Set<String> names) {
        access.hosts(names);
        return this;
    }

    /** The client's address, as the access log names it (from a trusted proxy's header when it came through one). */
    String client(Context ctx) {
        return RequestIds.client(ctx, trustedProxies);
    }

    /** Whether a request came over TLS: to this server, or to a trusted proxy that says so. */
    boolean secure(Context ctx) {
        if ("https".equalsIgnoreCase(ctx.scheme())) {
            return true;
        }
        return trustedProxies.contains(ctx.ip()) && "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    /** The rules in use now, with the published rule set they are (0: a rules folder's). */
    ServedRules.State rules() {
        return rulesState.get();
    }

    /** One access-log line per request, and the request metrics. */
    private void access(Context ctx, Float millis) {
        String route;
        try {
            route = ctx.endpoint() == null ? "unmatched" : ctx.endpoint().path;
        } catch (RuntimeException e) {
            route = "unmatched";
        }
        String status = String.valueOf(ctx.statusCode());
        metrics.request(route, methodLabel(ctx.method().name()), status, millis);
        Object bytes = ctx.attribute(BYTES);
        log.access(new ServiceLog.Access(java.time.OffsetDateTime.now(), RequestIds.client(ctx, trustedProxies), RequestIds.of(ctx),
                ctx.method().name(), ctx.path(), ctx.statusCode(), bytes instanceof Number n ? n.longValue() : null, millis));
    }
}
