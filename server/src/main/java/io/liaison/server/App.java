package io.liaison.server;

import io.javalin.Javalin;
import io.javalin.config.Key;
import io.javalin.event.LifecycleEventListener;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.liaison.Liaison;
import io.liaison.search.Suggester;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP application: builds an unstarted Javalin from an open index and a config. */
public final class App {
  private static final Logger LOG = LoggerFactory.getLogger(App.class);
  /** How often a started app asks whether another process committed a newer index; one small file read each time. */
  static final Duration COMMIT_CHECK = Duration.ofSeconds(1);
  private static final Key<RebuildJob> REBUILD = new Key<>("liaison.rebuild");

  private App() {}

  /**
   * Creates the app; the caller starts it (and stops it, which also closes what the app opened;
   * the {@code liaison} stays the caller's to close). Everything the app reads of the index goes
   * through {@code liaison}: with a cluster behind it the app holds no index of its own, so any
   * number of instances can serve the same index.
   *
   * <p>Once started, the app follows commits made by others to a local index: every {@link
   * #COMMIT_CHECK} it asks whether searches see the newest commit and, if not, refreshes searches
   * and suggestions as after an admin rebuild.
   *
   * @throws UncheckedIOException when the index cannot be opened for suggestions
   */
  public static Javalin create(Liaison liaison, ServerConfig config) {
    return create(liaison, config, () -> {});
  }

  /**
   * As {@link #create(Liaison, ServerConfig)}, with work to do whenever searches have switched to a
   * newer commit, after a rebuild or another writer's commit (tests hold a rebuild open).
   */
  static Javalin create(Liaison liaison, ServerConfig config, RebuildJob.AfterCommit afterRefresh) {
    tellJettyTheReferenceWidth();
    Suggester suggester;
    try {
      suggester = new Suggester(liaison.backend().openSuggestionIndex(), liaison::glossary);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the index for suggestions", e);
    }
    // One path to a newer commit, whoever wrote it: the searcher (and the aliases it reads), then
    // the suggester's own reader and its titles.
    RebuildJob rebuild = new RebuildJob(progress -> liaison.reindex(config.corpus(), progress),
        progress -> liaison.linkVersions(progress).describe(), () -> {
      liaison.refresh();
      suggester.refresh();
      afterRefresh.run();
    }, liaison::isCurrent);
    Metrics metrics = new Metrics(liaison, rebuild);
    List<ApiRoute> routes = routes(liaison, suggester, rebuild, metrics, config);
    AtomicBoolean closed = new AtomicBoolean();
    LifecycleEventListener close = () -> {
      if (closed.compareAndSet(false, true)) {
        rebuild.close();
        suggester.close();
        metrics.close();
      }
    };

    return Javalin.create(cfg -> {
      cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
      cfg.startup.showJavalinBanner = false;
      cfg.startup.showOldJavalinVersionWarning = false;
      // A query of 1000 Chinese characters is 9 kB once percent-encoded: above Jetty's 8 kB default.
      cfg.jetty.modifyHttpConfiguration(http -> {
        http.setRequestHeaderSize(32 * 1024);
        http.setSendServerVersion(false);
      });
      cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
      cfg.staticFiles.add(files -> {
        files.hostedPath = "/";
        files.directory = "/web";
        files.location = Location.CLASSPATH;
      });
      SecurityHeaders.install(cfg.routes);
      RequestLimits.install(cfg.routes);
      for (ApiRoute r : routes) {
        cfg.routes.addEndpoint(new Endpoint(r.method(), r.path(), r.handler()));
      }
      ApiErrors.install(cfg.routes);
      cfg.requestLogger.http(metrics::record);
      cfg.appData(REBUILD, rebuild);
      cfg.events.serverStarted(() -> rebuild.followCommits(COMMIT_CHECK));
      cfg.events.serverStopped(close);
      // A port in use, say: Javalin stops Jetty but fires no serverStopped, so close here too.
      cfg.events.serverStartFailed(close);
    });
  }

  /**
   * Jetty pads its queues by how many object references fit in a cache line. Unless a system
   * property says, it asks the JVM through the platform MBean server, and creating that server
   * registers every platform MXBean (the flight recorder's among them, which parses its settings
   * files): 0.15 s of a two-core machine's start, on the path to the first answer. The answer
   * follows from the heap: HotSpot compresses references to 4 bytes below 32 GB, unless told not
   * to, which only makes the padding larger than it needs to be. A value the user set stays.
   */
  private static void tellJettyTheReferenceWidth() {
    String property = "org.eclipse.jetty.util.referencesPerCacheLine";
    if (System.getProperty(property) == null) {
      boolean compressed = Runtime.getRuntime().maxMemory() < 31L * 1024 * 1024 * 1024;
      System.setProperty(property, compressed ? "16" : "8");
    }
  }

  /**
   * Links the served index's language versions on the rebuild job's thread, where that is not done
   * yet, and returns at once; false when a rebuild is running (it links as it ends). What {@code
   * serve} starts once it serves a corpus: a large one is searchable before its links are made.
   */
  public static boolean linkVersionsInBackground(Javalin app) {
    return rebuildJob(app).startLinking();
  }

  /** Waits until the app's rebuild or background linking, if one is running, has finished. */
  public static void awaitBackgroundWork(Javalin app) throws InterruptedException {
    rebuildJob(app).awaitIdle();
  }

  /** The app's rebuild job, which also follows others' commits; tests run its check when they choose. */
  static RebuildJob rebuildJob(Javalin app) {
    return app.unsafe.appDataManager.get(REBUILD);
  }

  /** Every route, in one table: it is both what the app registers and what /openapi.json describes. */
  private static List<ApiRoute> routes(
      Liaison liaison, Suggester suggester, RebuildJob rebuild, Metrics metrics, ServerConfig config) {
    List<ApiRoute> routes = new ArrayList<>();
    routes.addAll(new SearchRoutes(liaison, suggester).routes());
    routes.addAll(new AdminRoutes(rebuild, config.adminToken()).routes());
    routes.add(new ApiRoute(HandlerType.GET, "/health", "Says whether the server is up and how many documents it serves.",
        List.of(), Map.of(200, "Up"), false,
        ctx -> ctx.json(new ApiResponses.Health("ok", liaison.documentCount()))));
    routes.add(new ApiRoute(HandlerType.GET, "/metrics", "Request, index and rebuild metrics in Prometheus text format.",
        List.of(), Map.of(200, "Prometheus text exposition"), false,
        ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape())));
    List<ApiRoute> table = routes; // the document below describes the table including itself
    routes.add(new ApiRoute(HandlerType.GET, "/openapi.json", "This description of the API.",
        List.of(), Map.of(200, "OpenAPI 3.1 document"), false, ctx -> ctx.json(OpenApi.document(table))));
    LOG.debug("{} routes", routes.size());
    return List.copyOf(routes);
  }
}
