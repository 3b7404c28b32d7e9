package io.pilotcheck.serve;

import io.pilotcheck.words.Language;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Jetty's own errors — a request it refuses before any route sees it (a NUL in the path, headers
 * over its limit, a URI too long) — in the contract's JSON, as every other error is, rather
 * than Jetty's HTML page. The request is not read, so its {@code lang} is unknown: the message
 * is Chinese, and {@code message_en} English, as for a request that names no language.
 */
final class JettyErrors extends ErrorHandler {

    private static final String JSON = "application/json; charset=utf-8";

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.write(true, ByteBuffer.wrap(CheckServer.errorBody(error(code), Language.ZH)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, JSON);
        return ByteBuffer.wrap(CheckServer.errorBody(error(status), Language.ZH));
    }

    /** The contract's error for a status Jetty answers with. */
    private static ApiError error(int status) {
        return switch (status) {
            case 404 -> new ApiError(404, "not_found", "path", "?");
            case 413 -> new ApiError(413, "request_too_large");
            case 414 -> new ApiError(414, "uri_too_long");
            case 431 -> new ApiError(431, "headers_too_large");
            default -> new ApiError(status, "bad_request");
        };
    }
}
