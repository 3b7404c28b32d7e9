package io.pilotcheck;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's nginx as a commission runs it in front of pilotcheck: a reverse proxy that passes one
 * sub-path through to the service unchanged, with the browser's {@code Host}. Started in the
 * foreground from a configuration in a folder of the test's own, stopped by {@link #close}.
 */
public final class ReverseProxy implements AutoCloseable {

    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final int port;

    private ReverseProxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** A proxy on a free loopback port passing {@code subPath/…} to {@code 127.0.0.1:upstreamPort}. */
    public static ReverseProxy start(Path dir, String subPath, int upstreamPort) throws IOException, InterruptedException {
        int port = freePort();
        return run(dir, """
                  client_max_body_size 64m;
                  server {
                    listen 127.0.0.1:%1$d;
                    location %2$s/ {
                      proxy_pass http://127.0.0.1:%3$d;
                      proxy_set_header Host $http_host;
                    }
                    location / { return 404; }
                  }
                """.formatted(port, subPath, upstreamPort), port);
    }

    /** An HTTP client that trusts the one certificate in {@code cert} (PEM), as a browser told of it would. */
    public static java.net.http.HttpClient trusting(Path cert) throws java.security.GeneralSecurityException, IOException {
        java.security.KeyStore trusted = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
        trusted.load(null, null);
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(cert)) {
            trusted.setCertificateEntry("pilotcheck", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return java.net.http.HttpClient.newBuilder().sslContext(tls).connectTimeout(java.time.Duration.ofSeconds(5)).build();
    }

    /** A free loopback port, for a {@code listen} of a configuration given to {@link #run}. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * nginx with {@code servers} (what goes inside its {@code http} block: server blocks, as an
     * operator writes them), once it listens on {@code port}.
     */
    public static ReverseProxy run(Path dir, String servers, int port) throws IOException, InterruptedException {
        boolean present = Files.isExecutable(NGINX);
        if (!present && System.getenv("CI") != null) {
            fail("CI needs Debian's nginx: apt-get install nginx-light (.ci/run does)");
        }
        assumeTrue(present, "no nginx here; .ci/run installs it");
        Path root = Files.createDirectories(dir.resolve("nginx"));
        String conf = """
                daemon off;
                master_process off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 64; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                %2$s
                }
                """.formatted(root, servers);
        Path file = Files.writeString(root.resolve("nginx.conf"), conf);
        Process p = new ProcessBuilder(NGINX.toString(), "-p", root.toString(), "-e", root.resolve("error.log").toString(),
                "-c", file.toString()).redirectErrorStream(true).redirectOutput(root.resolve("out.log").toFile()).start();
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            if (!p.isAlive()) {
                throw new AssertionError("nginx stopped: " + Files.readString(root.resolve("out.log"))
                        + (Files.exists(root.resolve("error.log")) ? Files.readString(root.resolve("error.log")) : ""));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return new ReverseProxy(p, port);
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("nginx did not listen on " + port + " within 10 s");
    }

    /** The port the proxy listens on. */
    public int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
