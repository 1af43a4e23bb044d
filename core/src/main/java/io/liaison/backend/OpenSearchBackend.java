package io.liaison.backend;

import io.liaison.index.Fields;
import io.liaison.index.IndexProgress;
import io.liaison.index.IndexSummary;
import io.liaison.lexicon.Glossary;
import io.liaison.lexicon.Lexicon;
import io.liaison.query.AliasTable;
import io.liaison.query.Concept;
import io.liaison.query.ConceptProximity;
import io.liaison.query.ConceptQueryBuilder;
import io.liaison.query.ConceptQueryFactory;
import io.liaison.query.LiaisonQueryParser;
import io.liaison.query.QueryTranslator;
import io.liaison.search.Hit;
import io.liaison.search.LanguageBalance;
import io.liaison.search.SearchRequest;
import io.liaison.search.SearchResponse;
import io.liaison.search.StoredDocument;
import io.liaison.search.SuggestionIndex;
import io.liaison.search.WindowRescorer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Searches an index on an OpenSearch cluster that runs the Liaison plugin. The query is parsed and
 * translated here, exactly as for the embedded index; each concept goes to the cluster as a {@code
 * liaison_concepts} query. Searches use {@code dfs_query_then_fetch}, so term statistics are the
 * whole index's, not one shard's, and scores equal the embedded index's; equal scores rank by id,
 * as in the embedded searcher. Proximity and the pages' renderings are scored on the ranking
 * pass's best hits only, through the cluster's {@code rescore}, as the embedded searcher does
 * ({@link WindowRescorer}). The aliases mined into the index are read at opening, at {@link
 * #refresh()}, and again when a search finds the index written to since (checked at most every
 * {@value #ALIAS_CHECK_SECONDS} seconds), so servers sharing the index stay current. Thread-safe.
 */
public final class OpenSearchBackend implements Backend {
  /** The title's weight, as in the embedded searcher. */
  static final float TITLE_BOOST = 2f;
  private static final int ALIAS_PAGE = 1000;
  /**
   * How often, at most, searches check whether the index was written to since the aliases were
   * read: by this process, another server's rebuild or an {@code index} run elsewhere.
   */
  static final int ALIAS_CHECK_SECONDS = 60;
  /** OpenSearch's default {@code index.max_result_window} and {@code index.max_rescore_window}. */
  static final int MAX_WINDOW = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(OpenSearchBackend.class);

  private final OpenSearchCluster cluster;
  private final Analyzer analyzer;
  private final QueryTranslator translator;
  private final AtomicReference<AliasTable> aliases = new AtomicReference<>(AliasTable.empty());
  private final AtomicLong nextAliasCheck = new AtomicLong(System.nanoTime() + TimeUnit.SECONDS.toNanos(ALIAS_CHECK_SECONDS));
  /** The index's write count when the aliases were read with no write since the check before; -1 for unknown. */
  private long aliasesSettledAt = -1;
  /** The write count seen by the last check. */
  private long lastCheckWrites = -1;

  /**
   * Opens an index on the cluster and reads its mined aliases.
   *
   * @throws IllegalArgumentException when the index does not exist
   */
  public OpenSearchBackend(OpenSearchCluster cluster, Lexicon lexicon, Supplier<Glossary> glossary) throws IOException {
    this.cluster = cluster;
    if (!cluster.exists()) {
      throw new IllegalArgumentException("no index '" + cluster.index() + "' at " + cluster.describe()
          + "; build one with: liaison index --opensearch URL --index-name " + cluster.index());
    }
    cluster.scoringMismatch().ifPresent(m -> LOG.warn("{}", m));
    cluster.scriptMissing().ifPresent(m -> LOG.warn("{}", m));
    this.analyzer = Fields.analyzer(true);
    this.translator = new QueryTranslator(analyzer, () -> lexicon, glossary, aliases::get, new ClusterNames(cluster));
    lastCheckWrites = writeCount();
    loadAliases();
  }

  private void loadAliases() throws IOException {
    Map<String, List<String>> byDocument = new LinkedHashMap<>();
    JsonValue after = null;
    while (true) {
      JsonObjectBuilder body = Json.createObjectBuilder()
          .add("size", ALIAS_PAGE)
          .add("query", Json.createObjectBuilder().add("term", Json.createObjectBuilder().add(Fields.HAS_ALIAS, "1")))
          .add("_source", Json.createArrayBuilder().add(Fields.ID).add(Fields.ALIAS))
          .add("sort", Json.createArrayBuilder().add(Fields.ID));
      if (after != null) {
        body.add("search_after", after);
      }
      JsonArray hits = cluster.json("POST", cluster.path("/_search"), Map.of(), body.build().toString(), "read the aliases")
          .getJsonObject("hits").getJsonArray("hits");
      for (JsonValue v : hits) {
        JsonObject source = v.asJsonObject().getJsonObject("_source");
        byDocument.put(source.getString(Fields.ID), strings(source.get(Fields.ALIAS)));
      }
      if (hits.size() < ALIAS_PAGE) {
        break;
      }
      after = hits.getJsonObject(hits.size() - 1).getJsonArray("sort");
    }
    aliases.set(AliasTable.of(byDocument));
  }

  /**
   * Reads the aliases again when the index was written to since they were read, by anyone; never
   * throws (a failed check keeps the aliases loaded and logs). Searches call this every {@value
   * #ALIAS_CHECK_SECONDS} seconds; tests call it directly instead of waiting.
   *
   * @return whether the aliases were read again
   */
  public synchronized boolean reloadAliasesIfWritten() {
    try {
      long writes = writeCount();
      boolean changed = writes != aliasesSettledAt;
      if (changed) {
        loadAliases();
        // Writes still in flight may not have been visible to that read: only a count that held
        // still since the check before marks the aliases as complete, else the next check reads again.
        if (writes == lastCheckWrites) {
          aliasesSettledAt = writes;
        }
      }
      lastCheckWrites = writes;
      return changed;
    } catch (IOException | RuntimeException e) {
      LOG.warn("Cannot check {} for new aliases; searches keep the aliases read before: {}", cluster.describe(), e.getMessage());
      return false;
    }
  }

  /** Documents indexed and deleted on the primaries: changes whenever the index is written to. */
  private long writeCount() throws IOException {
    JsonObject indexing = cluster.json("GET", cluster.path("/_stats/indexing"), Map.of(), null, "read the index statistics")
        .getJsonObject("_all").getJsonObject("primaries").getJsonObject("indexing");
    return indexing.getJsonNumber("index_total").longValue() + indexing.getJsonNumber("delete_total").longValue();
  }

  private static List<String> strings(JsonValue v) {
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    if (v instanceof JsonString s) {
      return List.of(s.getString());
    }
    return v.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }

  @Override
  public SearchResponse search(SearchRequest request) throws IOException {
    long start = System.nanoTime();
    long next = nextAliasCheck.get();
    // One thread per interval wins the check; the others search with the aliases they have.
    if (start - next >= 0 && nextAliasCheck.compareAndSet(next, start + TimeUnit.SECONDS.toNanos(ALIAS_CHECK_SECONDS))) {
      reloadAliasesIfWritten();
    }
    // Concepts stay concepts: the cluster builds their Lucene queries with the same builder.
    ConceptQueryBuilder local = new ConceptQueryBuilder(analyzer, request.ablations(), TITLE_BOOST);
    ConceptQueryFactory remote = new ConceptQueryFactory() {
      @Override
      public Query build(List<String> fields, Concept concept, int slop) {
        return local.build(fields, concept, slop) == null ? null : new RemoteConceptQuery(fields, concept, slop);
      }

      @Override
      public List<Query> proximity(List<String> fields, List<Concept> concepts) {
        Query near = local.proximityOf(fields, concepts, 0);
        return near == null ? List.of() : List.of(new RemoteProximityQuery(fields, concepts, near));
      }
    };
    LiaisonQueryParser parser = new LiaisonQueryParser(analyzer, translator, request.translate(), request.ablations(),
        TITLE_BOOST, remote);
    Query query = request.plainText() ? parser.parsePlain(request.query()) : parser.parseQuery(request.query());
    // Ranked as the embedded searcher ranks (io.liaison.search.WindowRescorer): the ranking pass
    // goes without the proximity clauses and the pages' renderings, and its best hits get the whole
    // query's score through the cluster's rescore. Both only add to the score of a page the query
    // matches, so the matches, their count and the facets are the ranking pass's.
    QueryDsl toDsl = new QueryDsl(TITLE_BOOST, request.ablations());
    Query ranking = ConceptProximity.without(query, q -> q instanceof RemoteProximityQuery);
    Query whole = parser.withRendered(query);
    JsonObject dsl = toDsl.toJson(ranking);
    JsonObject rescore = whole == ranking ? null : toDsl.toJson(whole);
    if (request.language().isPresent() || request.folder().isPresent()) {
      var filters = Json.createArrayBuilder();
      request.language().ifPresent(l -> filters.add(term(Fields.LANG, l.code())));
      request.folder().ifPresent(f -> filters.add(term(Fields.FOLDER, f)));
      dsl = Json.createObjectBuilder().add("bool", Json.createObjectBuilder()
          .add("must", Json.createArrayBuilder().add(dsl))
          .add("filter", filters)).build();
    }
    int wanted = Math.multiplyExact(request.page(), request.limit());
    // As Searcher: a translated query's hits in two languages are merged from the best of each
    // (two more searches, only when the matches hold both), and only the page is highlighted.
    boolean balance = LanguageBalance.appliesTo(request);
    int from = balance ? 0 : (request.page() - 1) * request.limit();
    JsonObjectBuilder body = ranked(dsl, rescore, from, balance ? wanted : request.limit())
        .add("track_total_hits", true)
        .add("aggs", Json.createObjectBuilder()
            .add(Fields.LANG, terms(Fields.LANG))
            .add(Fields.FOLDER, terms(Fields.FOLDER)));
    // A rescored search returns its whole window: its page is highlighted on its own, as a merged one.
    boolean highlightApart = balance || rescore != null;
    if (!highlightApart) {
      body.add("highlight", HIGHLIGHT);
    }
    JsonObject reply = cluster.json("POST", cluster.path("/_search"), Map.of("search_type", "dfs_query_then_fetch"),
        body.build().toString(), "search");
    JsonObject hitsObject = reply.getJsonObject("hits");
    long total = hitsObject.getJsonObject("total").getJsonNumber("value").longValue();
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    JsonObject aggs = reply.getJsonObject("aggregations");
    for (String f : List.of(Fields.LANG, Fields.FOLDER)) {
      Map<String, Long> counts = new LinkedHashMap<>();
      // Terms buckets come by count, then key: the embedded order.
      for (JsonValue b : aggs.getJsonObject(f).getJsonArray("buckets")) {
        counts.put(b.asJsonObject().getString("key"), b.asJsonObject().getJsonNumber("doc_count").longValue());
      }
      facets.put(f, counts);
    }
    List<JsonObject> best = inRankingOrder(hitsObject.getJsonArray("hits"), rescore != null, from, balance ? wanted : request.limit());
    List<JsonObject> page = new ArrayList<>();
    List<Float> scores = new ArrayList<>();
    if (balance) {
      long english = facets.get(Fields.LANG).getOrDefault(LanguageBalance.ENGLISH, 0L);
      if (english > 0 && english < total) {
        JsonObject en = term(Fields.LANG, LanguageBalance.ENGLISH);
        best = new ArrayList<>(bestOf(Json.createObjectBuilder().add("bool", Json.createObjectBuilder()
            .add("must", Json.createArrayBuilder().add(dsl)).add("filter", Json.createArrayBuilder().add(en))).build(), rescore, wanted));
        best.addAll(bestOf(Json.createObjectBuilder().add("bool", Json.createObjectBuilder()
            .add("must", Json.createArrayBuilder().add(dsl)).add("must_not", Json.createArrayBuilder().add(en))).build(), rescore, wanted));
      }
      List<LanguageBalance.Candidate<JsonObject>> candidates = new ArrayList<>();
      for (JsonObject h : best) {
        JsonObject s = h.getJsonObject("_source");
        candidates.add(new LanguageBalance.Candidate<>(h, s.getString(Fields.ID), s.getString(Fields.LANG, ""), score(h)));
      }
      List<LanguageBalance.Candidate<JsonObject>> merged = LanguageBalance.merge(candidates);
      for (int i = (request.page() - 1) * request.limit(); i < Math.min(merged.size(), wanted); i++) {
        page.add(merged.get(i).item());
        scores.add(merged.get(i).score());
      }
    } else {
      for (JsonObject h : best) {
        page.add(h);
        scores.add(score(h));
      }
    }
    Map<String, JsonObject> highlights = highlightApart ? highlights(dsl, page) : Map.of();
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < page.size(); i++) {
      JsonObject h = page.get(i);
      JsonObject s = h.getJsonObject("_source");
      JsonObject highlight = highlightApart ? highlights.get(s.getString(Fields.ID)) : h.getJsonObject("highlight");
      List<String> snippets = highlight == null ? List.of() : strings(highlight.get(Fields.BODY));
      hits.add(new Hit(s.getString(Fields.ID), s.getString(Fields.TITLE, ""), s.getString(Fields.LANG, ""),
          s.getString(Fields.FOLDER, ""), scores.get(i), snippets));
    }
    return new SearchResponse(total, (System.nanoTime() - start) / 1_000_000, hits, parser.expansion(), facets);
  }

  /**
   * A search body for {@code size} hits from {@code from} in {@link io.liaison.search.Searcher#RANKING}
   * order: equal scores by id, whichever shard copy answers. With {@code rescore} (null: none) the
   * body asks for the best {@link WindowRescorer#window} hits of {@code query}, each scored by
   * {@code rescore} alone, unsorted by id (a rescored search takes no sort):
   * {@link #inRankingOrder} puts them in order and cuts the page.
   */
  private static JsonObjectBuilder ranked(JsonObject query, JsonObject rescore, int from, int size) {
    JsonObjectBuilder body = Json.createObjectBuilder()
        .add("query", query)
        .add("_source", Json.createArrayBuilder().add(Fields.ID).add(Fields.TITLE).add(Fields.LANG).add(Fields.FOLDER));
    if (rescore == null) {
      return body
          .add("from", from)
          .add("size", size)
          .add("sort", Json.createArrayBuilder()
              .add(Json.createObjectBuilder().add("_score", "desc"))
              .add(Json.createObjectBuilder().add(Fields.ID, "asc")))
          .add("track_scores", true);
    }
    // Each shard scores its own best `window` in full, so every hit of the whole index's best
    // `window` is among them. The first pass's score counts for nothing: the whole query's score is
    // the one an exhaustive search gives (0 * first + 1 * whole, exact in a float).
    int wanted = Math.addExact(from, size);
    // Within the cluster's result and rescore windows (index.max_result_window, max_rescore_window,
    // 10 000 by default), which a deep page would pass first here: there the window shrinks
    // towards the hits wanted, and a page past them fails as it did before the rescore.
    int window = Math.min(WindowRescorer.window(wanted), Math.max(wanted, MAX_WINDOW));
    return body
        .add("from", 0)
        .add("size", window)
        .add("rescore", Json.createObjectBuilder()
            .add("window_size", window)
            .add("query", Json.createObjectBuilder()
                .add("rescore_query", rescore)
                .add("query_weight", 0)
                .add("rescore_query_weight", 1)
                .add("score_mode", "total")));
  }

  /**
   * The hits of a {@link #ranked} search from {@code from}, at most {@code size}: as the cluster
   * sorted them, or, when it rescored ({@code rescored}), sorted here by score and then by id, as
   * the embedded searcher ranks.
   */
  private static List<JsonObject> inRankingOrder(JsonArray hits, boolean rescored, int from, int size) {
    List<JsonObject> out = new ArrayList<>(hits.getValuesAs(JsonObject.class));
    if (!rescored) {
      return out;
    }
    out.sort(Comparator.comparing(OpenSearchBackend::score, Comparator.reverseOrder())
        .thenComparing(h -> new BytesRef(h.getJsonObject("_source").getString(Fields.ID))));
    return out.subList(Math.min(from, out.size()), Math.min(out.size(), Math.addExact(from, size)));
  }

  private static float score(JsonObject hit) {
    return (float) hit.getJsonNumber("_score").doubleValue();
  }

  /** The best {@code wanted} hits of a query (rescored by {@code rescore}, null for none), uncounted, in ranking order. */
  private List<JsonObject> bestOf(JsonObject query, JsonObject rescore, int wanted) throws IOException {
    String body = ranked(query, rescore, 0, wanted).add("track_total_hits", false).build().toString();
    JsonArray hits = cluster.json("POST", cluster.path("/_search"), Map.of("search_type", "dfs_query_then_fetch"), body, "search")
        .getJsonObject("hits").getJsonArray("hits");
    return inRankingOrder(hits, rescore != null, 0, wanted);
  }

  /** The plugin's highlighter makes the library's snippets on the shards. */
  private static final JsonObject HIGHLIGHT = Json.createObjectBuilder()
      .add("fields", Json.createObjectBuilder().add(Fields.BODY, Json.createObjectBuilder().add("type", "liaison")))
      .build();

  /** The snippets of the page's hits, by document id: the query again, limited to their ids. */
  private Map<String, JsonObject> highlights(JsonObject dsl, List<JsonObject> page) throws IOException {
    if (page.isEmpty()) {
      return Map.of();
    }
    var ids = Json.createArrayBuilder();
    page.forEach(h -> ids.add(h.getJsonObject("_source").getString(Fields.ID)));
    JsonObject query = Json.createObjectBuilder().add("bool", Json.createObjectBuilder()
        .add("must", Json.createArrayBuilder().add(dsl))
        .add("filter", Json.createArrayBuilder().add(Json.createObjectBuilder()
            .add("terms", Json.createObjectBuilder().add(Fields.ID, ids))))).build();
    JsonObject body = Json.createObjectBuilder()
        .add("query", query)
        .add("size", page.size())
        .add("_source", Json.createArrayBuilder().add(Fields.ID))
        .add("highlight", HIGHLIGHT)
        .build();
    JsonObject reply = cluster.json("POST", cluster.path("/_search"), Map.of(), body.toString(), "highlight the hits");
    Map<String, JsonObject> out = new HashMap<>();
    for (JsonValue v : reply.getJsonObject("hits").getJsonArray("hits")) {
      JsonObject h = v.asJsonObject();
      JsonObject highlight = h.getJsonObject("highlight");
      if (highlight != null) {
        out.put(h.getJsonObject("_source").getString(Fields.ID), highlight);
      }
    }
    return out;
  }

  private static JsonObject term(String field, String value) {
    return Json.createObjectBuilder().add("term", Json.createObjectBuilder().add(field, value)).build();
  }

  private static JsonObject terms(String field) {
    return Json.createObjectBuilder().add("terms", Json.createObjectBuilder()
        .add("field", field).add("size", 10_000)
        .add("order", Json.createArrayBuilder()
            .add(Json.createObjectBuilder().add("_count", "desc"))
            .add(Json.createObjectBuilder().add("_key", "asc")))).build();
  }

  @Override
  public Optional<StoredDocument> document(String id) throws IOException {
    OpenSearchCluster.Reply r = cluster.send("GET", cluster.path("/_doc/" + OpenSearchCluster.encode(id)), Map.of(), null);
    if (r.status() == 404 && !r.body().contains("index_not_found")) {
      return Optional.empty();
    }
    JsonObject reply = cluster.ok(r, "read a document");
    JsonObject s = reply.getJsonObject("_source");
    return Optional.of(new StoredDocument(s.getString(Fields.ID), s.getString(Fields.TITLE, ""), s.getString(Fields.BODY, ""),
        s.getString(Fields.LANG, ""), s.getString(Fields.FOLDER, ""), s.getJsonNumber(Fields.SIZE).longValue(),
        s.getJsonNumber(Fields.MODIFIED).longValue(), s.getString(Fields.HASH, ""), strings(s.get(Fields.ALIAS))));
  }

  @Override
  public void refresh() throws IOException {
    cluster.json("POST", cluster.path("/_refresh"), Map.of(), null, "refresh the index");
    loadAliases();
  }

  @Override
  public int documentCount() throws IOException {
    return cluster.json("GET", cluster.path("/_count"), Map.of(), null, "count documents").getInt("count");
  }

  @Override
  public Analyzer analyzer() {
    return analyzer;
  }

  @Override
  public AliasTable aliases() {
    return aliases.get();
  }

  @Override
  public SuggestionIndex openSuggestionIndex() {
    return new ClusterSuggestionIndex(cluster);
  }

  /**
   * Every file indexed again in place, over the documents already there: the index is not deleted,
   * so searches (from every server that shares the index) keep answering while it runs, each
   * document replaced at once.
   */
  @Override
  public IndexSummary reindex(Path corpus, IndexProgress progress) throws IOException {
    return new OpenSearchIndexer(cluster, OpenSearchIndexer.Options.rereadInPlace(corpus)).run(progress);
  }

  @Override
  public String describe() {
    return cluster.describe();
  }

  @Override
  public void close() throws IOException {
    cluster.close();
  }
}
