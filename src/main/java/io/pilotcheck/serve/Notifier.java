package io.pilotcheck.serve;

import io.pilotcheck.app.Application;
import io.pilotcheck.store.ReviewStore;
import io.pilotcheck.words.Clock;
import io.pilotcheck.words.Language;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What a service does in the background for the review loop (docs/spec/review.md): adds the
 * reminders due today, and, with an SMTP server, mails the notifications not yet mailed, each in
 * its account's language. The store decides who sends what: a reminder is added once however
 * many instances compute it, a notification is mailed by the one instance that claims it.
 */
final class Notifier implements AutoCloseable {

    private static final int BATCH = 100;

    private final Application app;
    private final java.util.function.Supplier<Instant> now;
    private final SmtpServer smtp;
    private final ServiceLog log;
    private ScheduledExecutorService timer;

    Notifier(Application app, java.util.function.Supplier<Instant> now, SmtpServer smtp, ServiceLog log) {
        this.app = app;
        this.now = now;
        this.smtp = smtp;
        this.log = log;
    }

    /** Runs {@link #turn} every {@code seconds}. */
    Notifier every(long seconds) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notifier");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                turn();
            } catch (RuntimeException e) {
                // the store or the mail server does not answer now: the next turn tries again
                log.warn("pilotcheck: notifications: " + e.getMessage());
            }
        }, 0, seconds, TimeUnit.SECONDS);
        return this;
    }

    /** One turn: today's reminders, then the mail. */
    void turn() {
        if (!app.keepsSubmissions()) {
            return;
        }
        Instant at = now.get();
        app.reviews().remind(Clock.day(at), at);
        if (smtp == null) {
            return;
        }
        for (ReviewStore.Notification n : app.inbox().unmailed(BATCH)) {
            if (!app.inbox().claim(n.id(), now.get())) {
                continue; // another instance has it
            }
            ReviewStore.Contact contact = app.inbox().contact(n.notice().account());
            if (contact.email() == null) {
                continue; // on the inbox page only
            }
            Language lang = contact.lang().equals("en") ? Language.EN : Language.ZH;
            ReviewStore.Notice x = n.notice();
            String text = ServeWords.word("inbox." + x.kind(), lang, "actor", String.valueOf(x.actor()), "city", String.valueOf(x.city()),
                    "period", String.valueOf(x.period()), "detail", x.detail() == null ? "" : x.detail());
            try {
                smtp.send(contact.email(), "pilotcheck: " + text, text + "\n\n" + ServeWords.word("mail.footer", lang));
            } catch (jakarta.mail.MessagingException e) {
                log.warn("pilotcheck: could not mail notification " + n.id() + " to " + x.account() + " through " + smtp + ": "
                        + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
