package io.liaison.server;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.liaison.Liaison;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The server's Micrometer registry: requests and latency per route, index size and the last
 * rebuild, scraped in Prometheus text format at {@code /metrics}.
 */
final class Metrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  Metrics(Liaison liaison, RebuildJob rebuild) {
    Gauge.builder("liaison.index.documents", liaison, Metrics::documents)
        .description("Documents in the searchable index").register(registry);
    Gauge.builder("liaison.rebuild.last.duration", rebuild, r -> r.lastDurationMillis() / 1000.0)
        .description("Duration of the last finished rebuild").baseUnit("seconds").register(registry);
    Gauge.builder("liaison.rebuild.last.finished", rebuild, r -> r.lastFinishedMillis() / 1000.0)
        .description("When the last rebuild finished, as Unix time (0 if none has)").baseUnit("seconds").register(registry);
    Gauge.builder("liaison.rebuild.running", rebuild, r -> r.running() ? 1 : 0)
        .description("1 while a rebuild runs").register(registry);
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
