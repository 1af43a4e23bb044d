package io.liaison.server;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.liaison.Liaison;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The server's Micrometer registry: requests and latency per route, index size and the last
 * rebuild, scraped in Prometheus text format at {@code /metrics}.
 */
final class Metrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  Metrics(Liaison liaison, RebuildJob rebuild) {
    Gauge.builder("liaison.index.documents", liaison, Metrics::documents)
        .description("Documents in the searchable index").register(registry);
    Gauge.builder("liaison.rebuild.last.duration", rebuild, r -> r.lastDurationMillis() / 1000.0)
        .description("Duration of the last finished rebuild").baseUnit("seconds").register(registry);
    Gauge.builder("liaison.rebuild.last.finished", rebuild, r -> r.lastFinishedMillis() / 1000.0)
        .description("When the last rebuild finished, as Unix time (0 if none has)").baseUnit("seconds").register(registry);
    Gauge.builder("liaison.rebuild.running", rebuild, r -> r.running() ? 1 : 0)
        .description("1 while a rebuild runs").register(registry);
    // Heap, GC and threads: what a soak test watches for leaks (jvm_memory_used_bytes{area="heap"}).
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    gc.bindTo(registry);
  }

  @Override
  public void close() {
    gc.close();
  }

  private static double documents(Liaison liaison) {
    try {
      return liaison.documentCount();
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  /** Records one finished request under its route template, so ids do not explode the label set. */
  void record(Context ctx, float millis) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    String route = endpoint != null ? endpoint.path : ctx.status().getCode() == 404 ? "unmatched" : "static";
    Timer.builder("http.server.requests")
        .description("HTTP requests by route")
        .tag("method", ctx.method().name())
        .tag("route", route)
        .tag("status", Integer.toString(ctx.status().getCode()))
        .register(registry)
        .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
  }

  String scrape() {
    return registry.scrape();
  }
}
