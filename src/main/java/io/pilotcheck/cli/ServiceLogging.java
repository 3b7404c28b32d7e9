package io.pilotcheck.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import io.pilotcheck.serve.ServiceLog;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * The service's logging through Logback: every line with its time and level, as text or as
 * JSON lines ({@code --log-format json}), on stderr or in a file rotated daily and at 100 MB,
 * kept 30 days ({@code --log-file}); Drools' and the libraries' own chatter kept out unless
 * {@code --verbose} asks for it. The command line's default (silence) is {@link QuietLogging}.
 */
final class ServiceLogging {

    /** How log lines are written. */
    enum Format { text, json }

    private static final String ACCESS = "pilotcheck.access";
    private static final String SERVICE = "pilotcheck.service";

    private ServiceLogging() {
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    /** The command line's {@code --verbose}: the rule engine's and the libraries' messages on stderr. */
    static void verbose() {
        QuietLogging.toStderr(context(), Level.INFO);
    }

    /** Sets the service's logging up and returns what the service logs through. */
    static ServiceLog start(Format format, Path file, boolean verbose) {
        LoggerContext ctx = context();
        ctx.reset();
        Encoder<ILoggingEvent> encoder;
        if (format == Format.json) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(ctx);
            json.start();
            encoder = json;
        } else {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setContext(ctx);
            text.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %msg%n");
            text.setCharset(java.nio.charset.StandardCharsets.UTF_8);
            text.start();
            encoder = text;
        }
        OutputStreamAppender<ILoggingEvent> appender;
        if (file != null) {
            RollingFileAppender<ILoggingEvent> rolling = new RollingFileAppender<>();
            rolling.setContext(ctx);
            rolling.setFile(file.toString());
            SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
            policy.setContext(ctx);
            policy.setParent(rolling);
            policy.setFileNamePattern(file + ".%d{yyyy-MM-dd}.%i.gz");
            policy.setMaxFileSize(FileSize.valueOf("100MB"));
            policy.setMaxHistory(30);
            policy.setTotalSizeCap(FileSize.valueOf("5GB"));
            policy.start();
            rolling.setRollingPolicy(policy);
            appender = rolling;
        } else {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setContext(ctx);
            console.setTarget("System.err");
            appender = console;
        }
        appender.setName("service");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        root.setLevel(verbose ? Level.INFO : Level.WARN);
        ctx.getLogger("pilotcheck").setLevel(Level.INFO);
        for (String chatty : new String[] {"org.drools", "org.kie", "org.jbpm", "org.mvel2"}) {
            ctx.getLogger(chatty).setLevel(verbose ? Level.INFO : Level.ERROR);
        }
        return new Backed(LoggerFactory.getLogger(ACCESS), LoggerFactory.getLogger(SERVICE));
    }

    /** Back to the command line's silence (a service run in-process, as tests do, has ended). */
    static void stop() {
        LoggerContext ctx = context();
        ctx.reset();
        new QuietLogging().configure(ctx);
    }

    /** The service's records as Logback events; an access record's fields also as key-value pairs (JSON). */
    private record Backed(org.slf4j.Logger access, org.slf4j.Logger service) implements ServiceLog {

        @Override
        public void access(Access r) {
            access.atInfo().addKeyValue("client", r.client()).addKeyValue("request_id", r.requestId())
                    .addKeyValue("method", r.method()).addKeyValue("path", r.path()).addKeyValue("status", r.status())
                    .addKeyValue("bytes", r.bytes()).addKeyValue("ms", Math.round(r.millis())).log(r.request());
        }

        @Override
        public void info(String message) {
            service.info(message);
        }

        @Override
        public void warn(String message) {
            service.warn(message);
        }

        @Override
        public void error(String message, Throwable cause) {
            service.error(message, cause);
        }
    }
}
