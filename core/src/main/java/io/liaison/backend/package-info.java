/**
 * Where the index lives: {@link io.liaison.backend.EmbeddedBackend} (a Lucene index in a folder,
 * the default) or {@link io.liaison.backend.OpenSearchBackend} (an OpenSearch 3.5 cluster with the
 * Liaison plugin, over HTTP). {@link io.liaison.Liaison} is the one API over both.
 *
 * <p>With a cluster, translation (lexicon, glossary, mined aliases) still runs here; the cluster
 * receives concepts in the plugin's {@code liaison_concepts} query, which scores them with the same
 * {@link io.liaison.query.ConceptQueryBuilder} as the embedded index.
 */
package io.liaison.backend;
