package io.liaison.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.liaison.Liaison;
import io.liaison.backend.OpenSearchBackend;
import io.liaison.backend.OpenSearchIndexer;
import io.liaison.index.IndexProgress;
import io.liaison.opensearch.LiaisonIntegTestCase;
import io.liaison.server.App;
import io.liaison.server.Json;
import io.liaison.server.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.opensearch.test.OpenSearchIntegTestCase.ClusterScope;
import org.opensearch.test.OpenSearchIntegTestCase.Scope;
import picocli.CommandLine;

/**
 * {@code liaison serve --opensearch}: the real server (the command, Javalin and the API) in front
 * of a two-node cluster answers search, suggest and document requests over HTTP with the same JSON
 * as the server on the embedded index, rebuilds into the cluster, and never creates a local index.
 */
@ClusterScope(scope = Scope.SUITE, numDataNodes = 2, numClientNodes = 0, supportsDedicatedMasters = false)
public class ServeOnClusterTests extends LiaisonIntegTestCase {
  // The last two: a prefix and an in-word wildcard, which the cluster gets as constant_score and
  // terms queries (QueryDsl) that must find what the embedded index finds.
  private static final List<String> QUERIES =
      List.of("经济联络", "economic liaison", "中聯部", "Belt and Road", "liaison office", "economic* liaison", "econom?c liaison",
          "经济联络的中心在哪里"); // the last: function words that stand aside (a content match)
  private static final List<String> PREFIXES = List.of("经济", "liai", "中國", "Belt", "econ", "联络部");
  private static final String INDEX = "news";
  private static final String TOKEN = "cluster-test-token";
  /**
   * Scores are float sums of BM25 parts computed from the same index-wide statistics (the cluster
   * searches with dfs_query_then_fetch), so they agree to float precision, about 1e-7 relative; a
   * different order of summation or a double-to-float step costs a few units in the last place.
   * One part in 10^5 allows for that and is still far below any score gap that decides a rank.
   */
  private static final double SCORE_TOLERANCE = 1e-5;
  /** On a pool of our own, shut down after each test: the framework fails a suite that leaks threads. */
  private ExecutorService pool;
  private HttpClient http;

  @Override
  public void setUp() throws Exception {
    super.setUp();
    pool = Executors.newFixedThreadPool(2);
    http = HttpClient.newBuilder().executor(pool).connectTimeout(Duration.ofSeconds(10)).build();
  }

  @Override
  public void tearDown() throws Exception {
    http.close();
    pool.shutdownNow();
    assertTrue("HTTP client threads did not stop", pool.awaitTermination(10, TimeUnit.SECONDS));
    super.tearDown();
  }

  public void testTheServerOnTheClusterAnswersAsTheEmbeddedOneAndHoldsNoIndex() throws Exception {
    Path embeddedIndex = createTempDir().resolve("index");
    // What --index would name (index-data/index by default): in cluster mode it must never appear.
    Path untouched = createTempDir().resolve("index");
    // Built and served without language versions, which the cluster backend does not have yet: this
    // compares what the two servers answer.
    new io.liaison.index.Indexer(io.liaison.index.Indexer.Options.of(CORPUS, embeddedIndex)).run();
    URI cluster = httpUri(internalCluster().getNodeNames()[0]);
    Liaison.indexOpenSearch(new OpenSearchIndexer.Options(CORPUS, 2, 1, true), cluster, INDEX, IndexProgress.NONE);
    ensureGreen(INDEX);

    try (ServeCommand.Served embedded = serve("--index", embeddedIndex.toString(), "--no-versions");
        ServeCommand.Served remote = serve("--opensearch", cluster.toString(), "--index-name", INDEX, "--index", untouched.toString())) {
      assertTrue("the cluster server's index is " + remote.liaison().backend().describe(),
          remote.liaison().backend().describe().endsWith("/" + INDEX));
      String e = base(embedded.app());
      String r = base(remote.app());

      Set<String> ids = new LinkedHashSet<>();
      for (String q : QUERIES) {
        String path = "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&limit=10";
        JsonNode want = get(e, path, 200);
        assertTrue(q + ": no hits", want.path("hits").size() > 0);
        assertSameSearch(q, want, get(r, path, 200));
        want.path("hits").forEach(h -> ids.add(h.path("id").asText()));
      }
      String filtered = "/api/search?q=economic+liaison&folder=cecc&lang=en";
      assertSameSearch("filtered", get(e, filtered, 200), get(r, filtered, 200));
      String secondPage = "/api/search?q=liaison&page=2&limit=5";
      assertSameSearch("second page", get(e, secondPage, 200), get(r, secondPage, 200));

      Set<String> sources = new java.util.TreeSet<>();
      for (String p : PREFIXES) {
        String path = "/api/suggest?prefix=" + URLEncoder.encode(p, StandardCharsets.UTF_8) + "&limit=8";
        JsonNode want = get(e, path, 200);
        assertTrue(p + ": no suggestions", want.path("suggestions").size() > 0);
        assertEquals("suggestions for " + p, want, get(r, path, 200));
        want.path("suggestions").forEach(x -> sources.add(x.path("source").asText()));
      }
      assertEquals("titles, glossary names and indexed terms were all compared", Set.of("glossary", "term", "title"), sources);

      for (String id : ids) {
        String path = "/api/documents/" + id;
        assertEquals("document " + id, get(e, path, 200), get(r, path, 200));
      }
      assertEquals(get(e, "/api/documents/no/such.txt", 404), get(r, "/api/documents/no/such.txt", 404));

      int documents = get(e, "/health", 200).path("documents").asInt();
      assertEquals(get(e, "/health", 200), get(r, "/health", 200));
      String metrics = text(r, "/metrics");
      assertTrue(metrics, metrics.contains("liaison_index_documents " + documents + ".0"));
    }
    assertFalse("serve --opensearch created " + untouched, Files.exists(untouched));
  }

  public void testAnAdminRebuildOnTheClusterReindexesInPlaceWhileSearchesAnswer() throws Exception {
    URI cluster = httpUri(internalCluster().getNodeNames()[1]);
    Liaison.indexOpenSearch(new OpenSearchIndexer.Options(CORPUS, 2, 1, true), cluster, INDEX, IndexProgress.NONE);
    ensureGreen(INDEX);
    try (Liaison liaison = Liaison.openOpenSearch(cluster, INDEX, GLOSSARY)) {
      int files = liaison.documentCount();
      Javalin app = App.create(liaison, new ServerConfig("127.0.0.1", 0, CORPUS, TOKEN)).start("127.0.0.1", 0);
      try {
        String base = base(app);
        // Every hit, not the first ten: the same documents must be found, and a
        // near tie at the tenth place may swap with the eleventh.
        JsonNode before = get(base, "/api/search?q=economic+liaison&limit=100", 200);
        assertEquals(before.path("total").asInt(), before.path("hits").size());
        HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create(base + "/api/index/rebuild"))
            .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(started.body(), 202, started.statusCode());
        JsonNode status = awaitRebuild(base);
        assertEquals(status.toString(), "succeeded", status.path("state").asText());
        assertEquals(status.toString(), files, status.path("progress").path("filesTotal").asInt());
        assertEquals(status.toString(), files, status.path("progress").path("filesDone").asInt());
        JsonNode result = status.path("lastResult");
        assertEquals("every file re-read in place: " + result, files, result.path("updated").asInt());
        assertEquals(result.toString(), 0, result.path("added").asInt());
        assertEquals(result.toString(), files, result.path("documents").asInt());
        // Replaced documents linger as deletions in the term statistics until segments merge, so
        // scores move a little: the same documents must still be found.
        JsonNode after = get(base, "/api/search?q=economic+liaison&limit=100", 200);
        assertEquals(before.path("total"), after.path("total"));
        assertEquals(ids(before), ids(after));
      } finally {
        app.stop();
      }
    }
  }

  public void testAServerSeesTheAliasesMinedByAnotherServersRebuild() throws Exception {
    URI cluster = httpUri(internalCluster().getNodeNames()[0]);
    Liaison.indexOpenSearch(new OpenSearchIndexer.Options(CORPUS, 2, 1, true), cluster, INDEX, IndexProgress.NONE);
    ensureGreen(INDEX);
    Path corpus = createTempDir().resolve("corpus");
    Files.createDirectories(corpus);
    Files.writeString(corpus.resolve("xinhua.txt"), "新华社简介\n新华通讯社（Xinhua News Agency）是国家通讯社。\n", StandardCharsets.UTF_8);
    try (Liaison first = Liaison.openOpenSearch(cluster, INDEX, GLOSSARY);
        Liaison second = Liaison.openOpenSearch(cluster, INDEX, GLOSSARY)) {
      OpenSearchBackend other = (OpenSearchBackend) second.backend();
      // The first check reads once more: writes in flight at opening may have been missed.
      other.reloadAliasesIfWritten();
      assertFalse("nothing was written since", other.reloadAliasesIfWritten());
      assertEquals(Map.of(), other.aliases().aliasesOf("Xinhua News Agency"));

      first.reindex(corpus, IndexProgress.NONE);
      first.refresh();
      assertEquals(List.of("xinhua.txt"), first.backend().aliases().aliasesOf("Xinhua News Agency").get("新华通讯社"));
      assertTrue("the rebuild wrote to the index", other.reloadAliasesIfWritten());
      assertEquals(first.backend().aliases().aliasesOf("Xinhua News Agency"), other.aliases().aliasesOf("Xinhua News Agency"));
      other.reloadAliasesIfWritten(); // once more, as the count only now shows the writes have stopped
      assertFalse("the index has not been written since", other.reloadAliasesIfWritten());
    }
  }

  private static Set<String> ids(JsonNode result) {
    Set<String> ids = new java.util.TreeSet<>();
    result.path("hits").forEach(h -> ids.add(h.path("id").asText()));
    return ids;
  }

  private ServeCommand.Served serve(String... options) throws IOException {
    List<String> args = new ArrayList<>(List.of("--corpus", CORPUS.toString(), "--glossary", GLOSSARY.toString(), "--port", "0"));
    args.addAll(List.of(options));
    return CommandLine.populateCommand(new ServeCommand(), args.toArray(String[]::new)).start();
  }

  /** The same JSON but for the time taken and, within the tolerance, the scores; ids in the same order. */
  private static void assertSameSearch(String query, JsonNode embedded, JsonNode cluster) {
    ObjectNode e = embedded.deepCopy();
    ObjectNode c = cluster.deepCopy();
    e.remove("tookMs");
    c.remove("tookMs");
    List<Double> es = scores(e);
    List<Double> cs = scores(c);
    assertEquals(query + ": hits (ids, titles, snippets), expansion and facets", e, c);
    for (int i = 0; i < es.size(); i++) {
      double diff = Math.abs(es.get(i) - cs.get(i));
      assertTrue(String.format(Locale.ROOT, "%s rank %d: embedded %.8f, cluster %.8f", query, i + 1, es.get(i), cs.get(i)),
          diff <= SCORE_TOLERANCE * Math.max(1, es.get(i)));
    }
  }

  /** Takes the scores out of the hits. */
  private static List<Double> scores(ObjectNode result) {
    List<Double> scores = new ArrayList<>();
    for (JsonNode h : (ArrayNode) result.path("hits")) {
      scores.add(h.path("score").asDouble());
      ((ObjectNode) h).remove("score");
    }
    return scores;
  }

  private JsonNode awaitRebuild(String base) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/index/status")).header("Authorization", "Bearer " + TOKEN));
      JsonNode s = Json.MAPPER.readTree(r.body());
      if (!s.path("state").asText().equals("running")) {
        return s;
      }
      Thread.sleep(50); // polling an asynchronous job: there is nothing to wait on over HTTP
    }
    throw new AssertionError("the rebuild did not finish within 60 s");
  }

  private static String base(Javalin app) {
    return "http://127.0.0.1:" + app.port();
  }

  private JsonNode get(String base, String path, int status) throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)));
    assertEquals(path + ": " + r.body(), status, r.statusCode());
    return Json.MAPPER.readTree(r.body());
  }

  private String text(String base, String path) throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)));
    assertEquals(path, 200, r.statusCode());
    return r.body();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
