package io.pilotcheck.serve;

/**
 * The page a browser gets for an error ({@code error.jte}): the contract's code and message.
 *
 * @param page    the page's frame
 * @param code    the error's code
 * @param message its message in the page's language
 * @param status  the HTTP status
 */
public record ErrorView(PageView page, String code, String message, int status) {
}
