package io.liaison.cli;

import io.liaison.Liaison;
import io.liaison.index.IndexLayout;
import io.liaison.index.IndexSummary;
import io.liaison.index.Indexer;
import io.liaison.server.App;
import io.liaison.server.ServerConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code liaison serve}: indexes the corpus when there is no index yet, then serves the API and search page. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the search page and JSON API (indexes the corpus first when there is no index).")
final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @CommandLine.Mixin Folders.Corpus corpus;

  @CommandLine.Mixin Folders.Index index;

  @CommandLine.Mixin Folders.Glossary glossary;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @CommandLine.Mixin Folders.Verbose verbose;

  @Override
  public Integer call() throws Exception {
    Path c = corpus.path();
    Path i = index.path();
    Path g = glossary.path();
    if (!IndexLayout.exists(i)) {
      LOG.info("No index at {}; indexing {} first", i, c);
      IndexSummary s = new Indexer(Indexer.Options.of(c, i)).run();
      LOG.info("{}", s.describe());
    }
    Liaison liaison = Liaison.open(i, g);
    ServerConfig config = new ServerConfig(host, port, c, i, g, System.getenv("LIAISON_ADMIN_TOKEN"));
    var app = App.create(liaison, config).start(host, port);
    LOG.info("Liaison is serving at http://{}:{}/", host.contains(":") ? "[" + host + "]" : host, app.port());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop();
      try {
        liaison.close();
      } catch (java.io.IOException e) {
        LOG.warn("closing the index: {}", e.getMessage());
      }
      stopped.countDown();
    }, "liaison-shutdown"));
    stopped.await();
    return 0;
  }
}
