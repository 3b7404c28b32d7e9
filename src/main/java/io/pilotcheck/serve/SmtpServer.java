package io.pilotcheck.serve;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The SMTP server notifications are mailed through ({@code serve --smtp URL}):
 * {@code smtp://[USER[:PASSWORD]@]HOST[:PORT]?from=ADDRESS[&starttls=true]} or {@code smtps://…}
 * (TLS from the start). Jakarta Mail (Angus) does the sending.
 */
public final class SmtpServer {

    private final Session session;
    private final InternetAddress from;
    private final String shown;

    private SmtpServer(Session session, InternetAddress from, String shown) {
        this.session = session;
        this.from = from;
        this.shown = shown;
    }

    /**
     * The server a URL names.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static SmtpServer parse(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + e.getMessage(), e);
        }
        String scheme = String.valueOf(uri.getScheme());
        if (!scheme.equals("smtp") && !scheme.equals("smtps") || uri.getHost() == null) {
            throw new IllegalArgumentException("give smtp://HOST[:PORT]?from=ADDRESS or smtps://…");
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        InternetAddress from;
        try {
            from = new InternetAddress(query.getOrDefault("from", ""), true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("from=ADDRESS is the sender's address (" + e.getMessage() + ")", e);
        }
        boolean ssl = scheme.equals("smtps");
        Properties p = new Properties();
        String prefix = "mail." + scheme + ".";
        p.put("mail.transport.protocol", scheme);
        p.put(prefix + "host", uri.getHost());
        p.put(prefix + "port", String.valueOf(uri.getPort() > 0 ? uri.getPort() : ssl ? 465 : 25));
        p.put(prefix + "connectiontimeout", "10000");
        p.put(prefix + "timeout", "20000");
        p.put(prefix + "writetimeout", "20000");
        if ("true".equals(query.get("starttls"))) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        }
        Authenticator auth = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            String user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            String password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
            p.put(prefix + "auth", "true");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        return new SmtpServer(Session.getInstance(p, auth), from, scheme + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
    }

    /** Sends one plain-text message in UTF-8. */
    void send(String to, String subject, String body) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(from);
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        m.setSubject(subject, "UTF-8");
        m.setText(body, "UTF-8");
        m.setSentDate(new java.util.Date());
        Transport.send(m);
    }

    /** The server as a log names it: scheme, host and port, never the password. */
    @Override
    public String toString() {
        return shown;
    }
}
