package io.liaison.cli;

import io.javalin.Javalin;
import io.liaison.Liaison;
import io.liaison.index.IndexLayout;
import io.liaison.index.IndexSummary;
import io.liaison.index.Indexer;
import io.liaison.server.App;
import io.liaison.server.ServerConfig;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

  @CommandLine.Mixin Folders.Corpus corpus;

  @CommandLine.Mixin Folders.Index index;

  @CommandLine.Mixin Folders.Glossary glossary;

  @CommandLine.Mixin ClusterOptions cluster;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

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
    try {
      ServerConfig config = new ServerConfig(host, port, c, g, System.getenv("LIAISON_ADMIN_TOKEN"));
      return new Served(App.create(liaison, config).start(host, port), liaison);
    } catch (RuntimeException e) {
      liaison.close();
      throw e;
    }
  }

  private Liaison openLocal(Path c, Path g) throws IOException {
    Path i = index.path();
    if (!IndexLayout.exists(i)) {
      LOG.info("No index at {}; indexing {} first", i, c);
      IndexSummary s = new Indexer(Indexer.Options.of(c, i)).run();
      LOG.info("{}", s.describe());
    }
    return Liaison.open(i, g);
  }
}
