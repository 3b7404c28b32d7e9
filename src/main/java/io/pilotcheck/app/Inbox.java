package io.pilotcheck.app;

import io.pilotcheck.store.ReviewStore;
import io.pilotcheck.store.ReviewStore.Notification;

import java.time.Instant;
import java.util.List;

/** An account's notifications (docs/spec/review.md): what the review loop told it, read or not. */
public final class Inbox {

    /** The most notifications a list holds. */
    public static final int LIMIT = 200;

    private final ReviewStore store;

    Inbox(ReviewStore store) {
        this.store = store;
    }

    /** The caller's notifications, newest first; none for a caller that is no account. */
    public List<Notification> list(Caller caller) {
        return caller.account() ? store.notifications(caller.name(), LIMIT) : List.of();
    }

    /** How many of the caller's notifications are unread. */
    public int unread(Caller caller) {
        return caller.account() ? store.unread(caller.name()) : 0;
    }

    /** Marks the caller's notifications read. */
    public void markRead(Caller caller, Instant at) {
        if (caller.account()) {
            store.markRead(caller.name(), at);
        }
    }

    /** Notifications not yet mailed, oldest first: what a service that mails them sends next. */
    public List<Notification> unmailed(int limit) {
        return store.unmailed(limit);
    }

    /** Claims a notification for mailing: true for the one instance that gets it. */
    public boolean claim(String id, Instant at) {
        return store.claimMailing(id, at);
    }

    /** Where an account's notifications are mailed, and in which language. */
    public ReviewStore.Contact contact(String account) {
        return store.contact(account);
    }
}
