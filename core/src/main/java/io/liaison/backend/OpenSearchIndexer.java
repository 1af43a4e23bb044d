package io.liaison.backend;

import io.liaison.index.EmptyCorpusException;
import io.liaison.index.Fields;
import io.liaison.index.IndexProgress;
import io.liaison.index.IndexSummary;
import io.liaison.ingest.DocumentExtractor;
import io.liaison.ingest.ExtractedDocument;
import io.liaison.lexicon.AliasMiner;
import io.liaison.lexicon.DocumentRenderer;
import io.liaison.lexicon.Lexicon;
import io.liaison.search.Suggester;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds or refreshes an index on an OpenSearch cluster from a corpus folder: the same extraction
 * and alias mining as the embedded {@link io.liaison.index.Indexer}, the same fields, sent in
 * bulk. New and changed files only (size and modification time, as the embedded indexer checks
 * them), and documents whose files are gone are deleted. The index is created, with the shipped
 * settings and mappings, when it does not exist yet.
 */
public final class OpenSearchIndexer {
  private static final int BATCH = 100;
  private static final int BATCH_BYTES = 8 * 1024 * 1024;

  /**
   * @param shards primary shards of a new index
   * @param replicas replicas of each shard of a new index
   * @param rebuild delete the index and index every file again
   * @param reread index every file again over the documents already there, keeping the index
   * @param allowEmpty let a corpus with no file to index delete every document of the index;
   *     otherwise such a run throws {@link EmptyCorpusException} and changes nothing, as the
   *     embedded {@link io.liaison.index.Indexer} does
   */
  public record Options(Path corpus, int shards, int replicas, boolean rebuild, boolean reread, boolean allowEmpty) {
    public Options {
      if (shards < 1 || replicas < 0) {
        throw new IllegalArgumentException("shards must be at least 1 and replicas at least 0, not " + shards + " and " + replicas);
      }
    }

    /** New and changed files only, or, with {@code rebuild}, every file into a new index. */
    public Options(Path corpus, int shards, int replicas, boolean rebuild) {
      this(corpus, shards, replicas, rebuild, false, false);
    }

    /** As these options, with an empty corpus allowed to empty the index or not. */
    public Options withAllowEmpty(boolean allowEmpty) {
      return new Options(corpus, shards, replicas, rebuild, reread, allowEmpty);
    }

    public static Options of(Path corpus) {
      return new Options(corpus, 1, 1, false);
    }

    /** Every file again, into the index as it is: what a server's rebuild does, searches answering throughout. */
    public static Options rereadInPlace(Path corpus) {
      return new Options(corpus, 1, 1, false, true, false);
    }
  }

  /**
   * Cluster-only fields, for suggestions: the title {@linkplain Suggester#fold folded} as the
   * suggester compares it (filled here, so it folds exactly as the embedded suggester does), and the
   * title as a keyword to sort by (a sub-field in the shipped mappings).
   */
  static final String TITLE_FOLDED = "title_folded";
  static final String TITLE_SORT = "title.sort";

  private record Known(long size, long modified) {}

  private final OpenSearchCluster cluster;
  private final Options options;
  private final DocumentExtractor extractor = new DocumentExtractor();
  private final DocumentRenderer renderer = new DocumentRenderer(Lexicon.defaultLexicon());

  public OpenSearchIndexer(OpenSearchCluster cluster, Options options) {
    this.cluster = cluster;
    this.options = options;
  }

  /**
   * Runs the indexer; unreadable files are skipped with a reason.
   *
   * @throws IllegalArgumentException when the corpus folder cannot be read
   * @throws IOException when the cluster rejects the index or a document
   */
  public IndexSummary run(IndexProgress progress) throws IOException {
    long start = System.nanoTime();
    Path corpus = options.corpus().toAbsolutePath().normalize();
    if (!Files.isDirectory(corpus) || !Files.isReadable(corpus)) {
      throw new IllegalArgumentException("corpus folder " + corpus + " does not exist or is not readable; pass --corpus DIR");
    }
    List<Path> files = listFiles(corpus);
    if (files.isEmpty() && !options.allowEmpty() && cluster.exists()) {
      // Before a rebuild deletes the index: an empty folder is more often an unmounted share.
      int held = knownDocuments().size();
      if (held > 0) {
        throw new EmptyCorpusException(corpus, "index " + cluster.index() + " of the cluster", held, "");
      }
    }
    if (options.rebuild()) {
      cluster.delete();
    }
    if (!cluster.exists()) {
      cluster.create(options.shards(), options.replicas());
    }
    Map<String, Known> known = knownDocuments();
    List<IndexSummary.Skipped> skipped = new ArrayList<>();
    progress.started(files.size());
    Set<String> seen = new HashSet<>();
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    long bytesRead = 0;
    StringBuilder bulk = new StringBuilder();
    int inBulk = 0;
    int done = 0;
    for (Path file : files) {
      String id = idOf(corpus, file);
      progress.advanced(++done, files.size(), bytesRead);
      try {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        long modified = attrs.lastModifiedTime().toMillis();
        Known previous = known.get(id);
        seen.add(id);
        if (previous != null && !options.reread() && previous.size() == attrs.size() && previous.modified() == modified) {
          unchanged++;
          continue;
        }
        byte[] bytes = Files.readAllBytes(file);
        bytesRead += bytes.length;
        ExtractedDocument d = extractor.extract(id, bytes, modified);
        bulk.append(Json.createObjectBuilder().add("index", Json.createObjectBuilder().add("_id", id)).build()).append('\n');
        String text = d.title() + "\n" + d.body();
        bulk.append(toJson(d, AliasMiner.mine(text), renderer.render(text, d.language()))).append('\n');
        inBulk++;
        if (previous == null) {
          added++;
        } else {
          updated++;
        }
      } catch (IOException e) {
        seen.remove(id);
        skipped.add(new IndexSummary.Skipped(id, "cannot index: " + e.getMessage()));
        continue;
      }
      if (inBulk >= BATCH || bulk.length() >= BATCH_BYTES) {
        send(bulk);
        inBulk = 0;
      }
    }
    int deleted = 0;
    for (String id : known.keySet()) {
      if (!seen.contains(id)) {
        bulk.append(Json.createObjectBuilder().add("delete", Json.createObjectBuilder().add("_id", id)).build()).append('\n');
        deleted++;
      }
    }
    send(bulk);
    progress.committing();
    cluster.json("POST", cluster.path("/_refresh"), Map.of(), null, "refresh the index");
    int documents = cluster.json("GET", cluster.path("/_count"), Map.of(), null, "count documents").getInt("count");
    return new IndexSummary(added, updated, deleted, unchanged, List.copyOf(skipped), documents, bytesRead,
        (System.nanoTime() - start) / 1_000_000);
  }

  /** The fields of the embedded index's documents, as JSON. */
  static JsonObject toJson(ExtractedDocument d, List<String> aliases, String rendered) {
    JsonObjectBuilder doc = Json.createObjectBuilder()
        .add(Fields.ID, d.id())
        .add(Fields.TITLE, d.title())
        .add(TITLE_FOLDED, Suggester.fold(d.title()))
        .add(Fields.BODY, d.body())
        .add(Fields.LANG, d.language().code())
        .add(Fields.FOLDER, d.folder())
        .add(Fields.SIZE, d.size())
        .add(Fields.MODIFIED, d.modified())
        .add(Fields.HASH, d.hash());
    Fields.script(d).ifPresent(script -> doc.add(Fields.SCRIPT, script));
    if (!rendered.isEmpty()) {
      doc.add(Fields.RENDERED, rendered);
    }
    if (!aliases.isEmpty()) {
      JsonArrayBuilder a = Json.createArrayBuilder();
      aliases.forEach(a::add);
      doc.add(Fields.ALIAS, a).add(Fields.HAS_ALIAS, "1");
    }
    return doc.build();
  }

  private void send(StringBuilder bulk) throws IOException {
    if (bulk.isEmpty()) {
      return;
    }
    JsonObject reply = cluster.bulk(bulk.toString());
    bulk.setLength(0);
    if (reply.getBoolean("errors", false)) {
      for (JsonValue item : reply.getJsonArray("items")) {
        JsonObject op = item.asJsonObject().values().iterator().next().asJsonObject();
        if (op.containsKey("error")) {
          JsonValue error = op.get("error");
          if (error.toString().contains("strict_dynamic_mapping_exception")) {
            throw new IOException("the index '" + cluster.index() + "' was created with older mappings than this Liaison's ("
                + error + "); build it again with: liaison index --rebuild --opensearch URL --index-name " + cluster.index());
          }
          throw new IOException("OpenSearch rejected document " + op.getString("_id", "?") + ": " + error);
        }
      }
    }
  }

  private Map<String, Known> knownDocuments() throws IOException {
    Map<String, Known> known = new HashMap<>();
    JsonValue after = null;
    while (true) {
      JsonObjectBuilder body = Json.createObjectBuilder()
          .add("size", 1000)
          .add("_source", Json.createArrayBuilder().add(Fields.ID).add(Fields.SIZE).add(Fields.MODIFIED))
          .add("sort", Json.createArrayBuilder().add(Fields.ID));
      if (after != null) {
        body.add("search_after", after);
      }
      JsonArray hits = cluster.json("POST", cluster.path("/_search"), Map.of(), body.build().toString(), "list the indexed documents")
          .getJsonObject("hits").getJsonArray("hits");
      for (JsonValue v : hits) {
        JsonObject s = v.asJsonObject().getJsonObject("_source");
        known.put(s.getString(Fields.ID), new Known(s.getJsonNumber(Fields.SIZE).longValue(), s.getJsonNumber(Fields.MODIFIED).longValue()));
      }
      if (hits.size() < 1000) {
        return known;
      }
      after = hits.getJsonObject(hits.size() - 1).getJsonArray("sort");
    }
  }

  /** Regular files the extractor reads, hidden ones and symbolic links left out, in path order. */
  private static List<Path> listFiles(Path corpus) throws IOException {
    try (Stream<Path> walk = Files.walk(corpus)) {
      return walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .filter(p -> !hidden(corpus.relativize(p)))
          .filter(p -> DocumentExtractor.accepts(p.getFileName().toString()))
          .sorted()
          .toList();
    }
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String idOf(Path corpus, Path file) {
    List<String> parts = new ArrayList<>();
    corpus.relativize(file).forEach(p -> parts.add(p.toString()));
    return String.join("/", parts);
  }
}
