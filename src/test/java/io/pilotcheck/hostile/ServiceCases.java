package io.pilotcheck.hostile;

import io.pilotcheck.registry.Scope;
import io.pilotcheck.store.sql.SqlSubmissionStore;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotcheck.TestRules;
import io.pilotcheck.hostile.HostileSuite.Case;
import io.pilotcheck.hostile.HostileSuite.Outcome;
import io.pilotcheck.serve.CheckServer;
import io.pilotcheck.serve.ServedRules;
import io.pilotcheck.serve.UploadLimits;
import io.pilotcheck.store.sql.StoreLocation;
import io.pilotcheck.store.SubmissionStore;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A hostile client of {@code pilotcheck serve}, over a real port: each case starts a server (with
 * an embedded store in its scratch folder), sends what an attacker or a confused tool sent, and
 * reads the status and error code. {@code HostileUploadTest}, {@code BrowserGuardTest} and
 * {@code AdmissionTest} try the same and more, on PostgreSQL too; this is their row in the table.
 */
final class ServiceCases {

    private static final String SECTION = "The service, from a hostile client over a real port";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 8 KiB a dossier and 60 zip entries a request, so that a case sends kilobytes, not megabytes. */
    private static final UploadLimits SMALL = new UploadLimits(4L << 20, 8 << 10, 60, 4L << 20, 100, 1, 60_000, 256L << 20);

    private ServiceCases() {
    }

    static List<Case> all() {
        return List.of(
                new Case(SECTION, "A page elsewhere reading through DNS rebinding (`Host: attacker.example`)", "HTTP 421 bad_host",
                        s -> answer(s, "GET /api/v1/submissions", "Host: attacker.example")),
                new Case(SECTION, "Another site's page sending a dossier (`Origin: http://evil.example`)", "HTTP 403 csrf",
                        s -> answer(s, "POST /api/v1/submissions", "Origin: http://evil.example")),
                new Case(SECTION, "A multipart file named `../../etc/03-dalian.yaml`", "HTTP 422 bad_name",
                        s -> answer(s, multipart(List.of("../../etc/03-dalian.yaml"), dalian()))),
                new Case(SECTION, "Two files of one name in one upload (two folders' `03-dalian.yaml`)", "HTTP 422 duplicate_name",
                        s -> answer(s, multipart(List.of("03-dalian.yaml", "03-dalian.yaml"), dalian()))),
                new Case(SECTION, "Three zips of 25 entries in one request, against 60 entries a request", "HTTP 413 zip_too_many_entries",
                        s -> answer(s, multipart(List.of("a.zip", "b.zip", "c.zip"), zipOf(25, 40), zipOf(25, 41), zipOf(25, 42)))),
                new Case(SECTION, "A zip entry over the per-dossier limit (12 KiB against 8 KiB)", "HTTP 201",
                        s -> answer(s, multipart(List.of("big.zip"), zipOf(1, 12 << 10)))),
                new Case(SECTION, "A NUL in `submitter`", "HTTP 400 bad_query",
                        s -> answer(s, "POST /api/v1/submissions?lang=en&submitter=%00")),
                new Case(SECTION, "A NUL in the path (`/api/v1/submissions/x%00`)", "HTTP 400 bad_request",
                        s -> answer(s, "GET /api/v1/submissions/x%00")),
                new Case(SECTION, "A header of 20 KB", "HTTP 431 headers_too_large",
                        s -> answer(s, "GET /healthz", "X-Big: " + "x".repeat(20_000))),
                new Case(SECTION, "A city of 300 characters, wider than the store's column", "HTTP 201",
                        s -> answer(s, "POST /api/v1/submissions", ("city: " + "大连市".repeat(100) + "\n").getBytes(StandardCharsets.UTF_8))),
                new Case(SECTION, "70 uploads trickling in (each holds only the bytes it sent), then a check", "HTTP 200",
                        ServiceCases::trickling));
    }

    private static byte[] dalian() throws Exception {
        return Files.readAllBytes(Path.of("fixtures/03-dalian.yaml"));
    }

    /** A request's head line (method and path) and its headers, or a whole multipart body. */
    private record Request(String line, String type, byte[] body, List<String> headers) {
    }

    /** A multipart body of the files named, each with the content of the same place, or the last content given. */
    private static Request multipart(List<String> names, byte[]... contents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < names.size(); i++) {
            out.writeBytes(("--b0\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + names.get(i) + "\"\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(contents[Math.min(i, contents.length - 1)]);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes("--b0--\r\n".getBytes(StandardCharsets.UTF_8));
        return new Request("POST /api/v1/submissions", "multipart/form-data; boundary=b0", out.toByteArray(), List.of());
    }

    /** A zip of {@code entries} dossiers of about {@code size} bytes each; names and text differ with the size. */
    private static byte[] zipOf(int entries, int size) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        java.util.Random random = new java.util.Random(size);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < entries; i++) {
                zip.putNextEntry(new ZipEntry("z" + random.nextInt() + "/" + i + ".yaml"));
                StringBuilder text = new StringBuilder("city: 大连市\n");
                while (text.length() < size) {
                    text.append("# ").append(Long.toHexString(random.nextLong())).append('\n');
                }
                zip.write(text.toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Outcome answer(Path s, String line, String... headers) throws Exception {
        return answer(s, new Request(line, "application/yaml", line.startsWith("POST") ? dalian() : new byte[0], List.of(headers)));
    }

    private static Outcome answer(Path s, String line, byte[] body) throws Exception {
        return answer(s, new Request(line, "application/yaml", body, List.of()));
    }

    /** Starts a server with a store in the scratch folder, sends the request, and reads its status and error. */
    private static Outcome answer(Path s, Request request) throws Exception {
        try (SubmissionStore store = SqlSubmissionStore.open(StoreLocation.embedded(s.resolve("data")))) {
            CheckServer server = new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()), SMALL, line -> { },
                    store).start("127.0.0.1", 0);
            try {
                return outcome(send(server.port(), request), store);
            } finally {
                server.close();
            }
        }
    }

    private static String send(int port, Request request) throws Exception {
        StringBuilder head = new StringBuilder(request.line() + " HTTP/1.1\r\nConnection: close\r\n");
        if (request.headers().stream().noneMatch(h -> h.startsWith("Host:"))) {
            head.append("Host: 127.0.0.1:").append(port).append("\r\n");
        }
        request.headers().forEach(h -> head.append(h).append("\r\n"));
        if (request.body().length > 0) {
            head.append("Content-Type: ").append(request.type()).append("\r\nContent-Length: ").append(request.body().length)
                    .append("\r\n");
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.write(request.body());
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** "HTTP status code" and what was kept, from a raw response. */
    private static Outcome outcome(String response, SubmissionStore store) throws Exception {
        String status = response.isEmpty() ? "no answer" : response.substring(9, 12);
        int body = response.indexOf("\r\n\r\n");
        String code = "";
        String message = "";
        var error = body > 0 && response.indexOf('{', body) > 0 ? JSON.readTree(response.substring(body + 4)).get("error") : null;
        if (error != null && error.isObject()) {
            code = " " + error.get("code").asText();
            message = error.get("message_en").asText();
        }
        int kept = store.ids(Scope.all()).size();
        if (code.isEmpty()) {
            message = kept + " submission" + (kept == 1 ? "" : "s") + " kept"
                    + (kept == 1 ? " holding " + store.submission(Scope.all(), store.ids(Scope.all()).get(0)).orElseThrow().files().size() + " file(s)" : "");
        } else {
            message = message + (kept == 0 ? "; nothing kept" : "; " + kept + " kept");
        }
        return new Outcome("HTTP " + status + code, message);
    }

    private static Outcome trickling(Path s) throws Exception {
        CheckServer server = new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()), SMALL, line -> { })
                .start("127.0.0.1", 0);
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 70; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                socket.getOutputStream().write(("POST /api/v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\n"
                        + "Content-Length: 100000\r\n\r\ncity: 大连市\n").getBytes(StandardCharsets.UTF_8));
                slow.add(socket);
            }
            Thread.sleep(500);
            String response = send(server.port(), new Request("POST /api/v1/check", "application/yaml", dalian(), List.of()));
            return new Outcome("HTTP " + response.substring(9, 12), "checked while the 70 still trickle");
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
            server.close();
        }
    }
}
