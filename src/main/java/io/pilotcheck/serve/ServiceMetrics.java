package io.pilotcheck.serve;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pilotcheck.api.ToolVersion;
import io.pilotcheck.store.SubmissionStore;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * What {@code /metrics} tells an operator's Prometheus: requests, checks, rule reloads and store
 * errors; the JVM, the process and the store's connections; the build. Every family has its help
 * text, so {@code promtool check metrics} accepts the page, and every counter of a fixed set of
 * labels is there from the start at 0, so a rate over it works before its first event.
 */
final class ServiceMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    /**
     * The metrics of a server whose store's connections {@code connections} gives (empty while
     * there is none).
     */
    ServiceMetrics(Supplier<Optional<SubmissionStore.Connections>> connections) {
        // two of Micrometer's names that promtool's lint refuses: a unit abbreviated (ns), and
        // "_count" on a gauge; the CPU's use stays as process_cpu_usage
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")));
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().equals("system.cpu.count") ? id.withName("system.cpus.available") : id;
            }
        });
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        Gauge.builder("pilotcheck_build", () -> 1).description("pilotcheck's version and the commit it was built from; always 1")
                .tag("version", ToolVersion.get()).tag("commit", ToolVersion.commit()).register(registry);
        pool("active", "connections of the store in use", connections, SubmissionStore.Connections::active);
        pool("idle", "connections of the store open and free", connections, SubmissionStore.Connections::idle);
        pool("open", "connections of the store open", connections, SubmissionStore.Connections::total);
        pool("pending", "threads waiting for a connection of the store", connections, SubmissionStore.Connections::waiting);
        pool("limit", "the most connections the store opens", connections, SubmissionStore.Connections::max);
        for (String verdict : new String[] {"compliant", "non_compliant", "error"}) {
            checked(verdict, 0);
        }
        for (boolean built : new boolean[] {true, false}) {
            reloads(built);
        }
        storeErrors();
    }

    private void pool(String name, String help, Supplier<Optional<SubmissionStore.Connections>> connections,
                      ToIntFunction<SubmissionStore.Connections> figure) {
        Gauge.builder("pilotcheck_store_connections_" + name, () -> {
            try {
                return connections.get().map(figure::applyAsInt).orElse(0);
            } catch (RuntimeException e) {
                return 0; // a store that failed to open has no connections
            }
        }).description(help).register(registry);
    }

    /** Counts {@code count} dossiers checked with {@code verdict}. */
    void checked(String verdict, int count) {
        Counter.builder("pilotcheck_dossiers_checked").description("dossiers checked, by verdict")
                .tag("verdict", verdict).register(registry).increment(count);
    }

    private Counter reloads(boolean built) {
        return Counter.builder("pilotcheck_rule_reloads").description("rebuilds of the rules after an edit, by whether they built")
                .tag("built", String.valueOf(built)).register(registry);
    }

    /** Counts a rebuild of the rules. */
    void reloaded(boolean built) {
        reloads(built).increment();
    }

    private Counter storeErrors() {
        return Counter.builder("pilotcheck_store_errors").description("requests the store could not answer (503 store_unavailable)")
                .register(registry);
    }

    /** Counts a request the store could not answer. */
    void storeError() {
        storeErrors().increment();
    }

    /** Counts a request and its time. */
    void request(String route, String method, String status, double millis) {
        Counter.builder("pilotcheck_http_requests").description("requests answered, by route, method and status")
                .tag("route", route).tag("method", method).tag("status", status).register(registry).increment();
        Timer.builder("pilotcheck_http_request_duration").description("time to answer a request, by route")
                .tag("route", route).publishPercentileHistogram()
                .register(registry).record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    }

    /** Stops listening to the JVM's collectors: a server closed leaves nothing behind. */
    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    /** The page Prometheus scrapes. */
    String scrape() {
        return registry.scrape();
    }
}
