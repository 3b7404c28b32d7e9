package io.pilotcheck.serve;

/**
 * The login page.
 *
 * @param page   the page's frame
 * @param next   where to go once signed in (a path below the base path, with its query)
 * @param failed whether the last attempt failed (one message for every reason)
 * @param name   the name last tried, to fill in again
 */
public record LoginView(PageView page, String next, boolean failed, String name) {
}
