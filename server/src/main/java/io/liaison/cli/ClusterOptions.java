package io.liaison.cli;

import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --opensearch URL --index-name NAME}: use an index on an OpenSearch cluster instead of a local folder. */
final class ClusterOptions {
  @Option(names = "--opensearch", paramLabel = "URL",
      description = "Use an index on this OpenSearch 3.5 cluster (with the Liaison plugin), e.g. http://localhost:9200, instead of a local folder.")
  URI url;

  @Option(names = "--index-name", paramLabel = "NAME", defaultValue = "liaison",
      description = "The index on the cluster (default: ${DEFAULT-VALUE}).")
  String indexName;

  /** The cluster, when one was given. */
  Optional<URI> cluster() {
    return Optional.ofNullable(url);
  }
}
