package io.liaison.cli;

import io.javalin.Javalin;
import io.javalin.util.JavalinException;
import io.liaison.Liaison;
import io.liaison.index.IndexLayout;
import io.liaison.index.IndexSummary;
import io.liaison.index.Indexer;
import io.liaison.server.App;
import io.liaison.server.ServerConfig;
import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code liaison serve}: indexes the corpus when there is no local index yet, then serves the API
 * and search page. With {@code --opensearch} it serves an index on the cluster and touches no local
 * index at all.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve the search page and JSON API (indexes the corpus first when there is no local index).",
        "With --opensearch URL the server holds no index of its own: run several behind a load balancer."})
final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
  private static final String HOSTS = "use --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (all its addresses)";

  @Spec CommandSpec spec;

  @CommandLine.Mixin Folders.Corpus corpus;

  @CommandLine.Mixin Folders.Index index;

  @CommandLine.Mixin Folders.Glossary glossary;

  @CommandLine.Mixin ClusterOptions cluster;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  int port;

  /** Checked as it is parsed, before any index is opened or built. */
  @Option(names = "--port", defaultValue = "7070",
      description = "Port, 0 to 65535; 0 takes any free one (default: ${DEFAULT-VALUE}).")
  void port(int port) {
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "the port must be 0 to 65535 (0 takes any free one), not " + port);
    }
    this.port = port;
  }

  @Option(names = "--no-versions",
      description = "Do not link documents to their versions in the other language or script; by default serve links, "
          + "in the background once it is up, what is not linked yet (a new corpus, an index built with --no-versions).")
  boolean noVersions;

  @CommandLine.Mixin Folders.Verbose verbose;

  /** A started server and the index it serves; closing stops the one and closes the other. */
  record Served(Javalin app, Liaison liaison) implements Closeable {
    @Override
    public void close() throws IOException {
      app.stop();
      liaison.close();
    }
  }

  @Override
  public Integer call() throws Exception {
    Served served = start();
    LOG.info("Liaison is serving {} at http://{}:{}/", served.liaison().backend().describe(),
        host.contains(":") ? "[" + host + "]" : host, served.app().port());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        served.close();
      } catch (IOException e) {
        LOG.warn("closing the index: {}", e.getMessage());
      }
      stopped.countDown();
    }, "liaison-shutdown"));
    stopped.await();
    return 0;
  }

  /** Opens the index, building a local one first when there is none, and starts the server on it. */
  Served start() throws IOException {
    Path c = corpus.path();
    Path g = glossary.path();
    Liaison liaison = cluster.cluster().isPresent() ? Liaison.openOpenSearch(cluster.url, cluster.indexName, g) : openLocal(c, g);
    // While the server starts, so the first user's search is not the JVM's first.
    liaison.warmUp();
    try {
      ServerConfig config = new ServerConfig(host, port, c, System.getenv("LIAISON_ADMIN_TOKEN"));
      Javalin app = App.create(liaison, config).start(host, port);
      if (cluster.cluster().isEmpty() && !noVersions) {
        // Searches answer meanwhile; at 100k new documents linking takes minutes (MERGE-SWEEP.md).
        App.linkVersionsInBackground(app);
      }
      return new Served(app, liaison);
    } catch (JavalinException e) {
      liaison.close();
      throw bindFailure(e);
    } catch (RuntimeException e) {
      liaison.close();
      throw e;
    }
  }

  /**
   * Says why the server could not bind, when that is what failed. Javalin reports every bind
   * failure as "Port already in use", also for an address this machine does not have and for a
   * host name that does not resolve; the socket's own exception tells them apart.
   */
  private RuntimeException bindFailure(JavalinException e) {
    String where = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException) {
        return new IllegalArgumentException(
            "cannot bind to " + where + ": the host name " + host + " does not resolve; " + HOSTS, e);
      }
      if (t instanceof BindException b) {
        String reason = b.getMessage() == null ? "" : b.getMessage().toLowerCase(Locale.ROOT);
        if (!isAddressOfThisMachine(host)) {
          return new IllegalArgumentException(
              "cannot bind to " + where + ": " + host + " is not an address of this machine; " + HOSTS, e);
        }
        if (reason.contains("in use")) {
          return new IllegalArgumentException("cannot bind to " + where + ": port " + port
              + " is already in use by another process; stop it or choose another --port", e);
        }
        if (reason.contains("permission")) {
          return new IllegalArgumentException(
              "cannot bind to " + where + ": ports below 1024 need administrator rights; choose --port 1024 or above", e);
        }
        return new IllegalArgumentException("cannot bind to " + where + ": " + b.getMessage(), e);
      }
    }
    return e;
  }

  /** True for the wildcard, loopback and any address of a network interface here. */
  private static boolean isAddressOfThisMachine(String host) {
    try {
      InetAddress address = InetAddress.getByName(host);
      return address.isAnyLocalAddress() || address.isLoopbackAddress()
          || NetworkInterface.getByInetAddress(address) != null;
    } catch (UnknownHostException e) {
      return false;
    } catch (SocketException e) {
      return true; // the interfaces cannot be listed: let the socket's own reason speak
    }
  }

  private Liaison openLocal(Path c, Path g) throws IOException {
    Path i = index.path();
    Optional<String> older = IndexLayout.olderFormat(i);
    if (!IndexLayout.exists(i) || older.isPresent() && Files.isDirectory(c)) {
      if (older.isPresent()) {
        LOG.info("The index at {} was written by an older Liaison (format {}); indexing {} again for format {} first",
            i, older.get(), c, IndexLayout.FORMAT);
      } else {
        LOG.info("No index at {}; indexing {} first", i, c);
      }
      IndexSummary s = new Indexer(Indexer.Options.of(c, i)).run();
      LOG.info("{}", s.describe());
      if (!noVersions) {
        LOG.info("Language versions are linked once the server is up, in the background");
      }
    }
    if (older.isPresent() && !Files.isDirectory(c)) {
      LOG.warn("The index at {} was written by an older Liaison (format {}) and its corpus {} is not there to index again;"
          + " it is served as it is, with Chinese words matched only as they were segmented, until 'liaison index' rebuilds it",
          i, older.get(), c);
    }
    return Liaison.open(i, g);
  }
}
