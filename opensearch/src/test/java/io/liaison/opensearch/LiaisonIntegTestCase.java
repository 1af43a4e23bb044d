package io.liaison.opensearch;

import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.opensearch.common.network.NetworkModule;
import org.opensearch.common.settings.Settings;
import org.opensearch.core.common.transport.TransportAddress;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.OpenSearchIntegTestCase;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * A real in-process cluster with the Liaison plugin on every node, talking HTTP and transport over
 * Netty4 (no mock transports), so requests cross the wire as they do in production.
 */
public abstract class LiaisonIntegTestCase extends OpenSearchIntegTestCase {
  /** The sample corpus and glossary, relative to the project root (Surefire's working directory). */
  protected static final Path CORPUS = Path.of("index-data/corpus");
  protected static final Path GLOSSARY = Path.of("index-data/glossary.tsv");

  @Override
  protected Collection<Class<? extends Plugin>> nodePlugins() {
    return List.of(LiaisonPlugin.class, Netty4ModulePlugin.class);
  }

  @Override
  protected boolean addMockHttpTransport() {
    return false;
  }

  @Override
  protected boolean addMockTransportService() {
    return false;
  }

  @Override
  protected Settings nodeSettings(int nodeOrdinal) {
    return Settings.builder()
        .put(super.nodeSettings(nodeOrdinal))
        .put(NetworkModule.TRANSPORT_TYPE_KEY, Netty4ModulePlugin.NETTY_TRANSPORT_NAME)
        .put(NetworkModule.HTTP_TYPE_KEY, Netty4ModulePlugin.NETTY_HTTP_TRANSPORT_NAME)
        .build();
  }

  /** The HTTP address of {@code node}, as a client would be given it. */
  protected URI httpUri(String node) {
    TransportAddress address = internalCluster().getInstance(HttpServerTransport.class, node).boundAddress().publishAddress();
    return URI.create("http://" + address.getAddress() + ":" + address.getPort());
  }
}
