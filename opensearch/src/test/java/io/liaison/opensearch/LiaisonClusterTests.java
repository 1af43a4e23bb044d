package io.liaison.opensearch;

import io.liaison.Liaison;
import io.liaison.backend.OpenSearchIndexer;
import io.liaison.index.EmptyCorpusException;
import io.liaison.index.IndexProgress;
import io.liaison.index.IndexSummary;
import io.liaison.query.Alternative;
import io.liaison.query.Origin;
import io.liaison.search.Hit;
import io.liaison.search.SearchRequest;
import io.liaison.search.SearchResponse;
import io.liaison.search.WindowRescorer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.node.Node;
import org.opensearch.search.sort.SortOrder;
import org.opensearch.test.OpenSearchIntegTestCase.ClusterScope;
import org.opensearch.test.OpenSearchIntegTestCase.Scope;

/**
 * The sample corpus indexed through the facade into a real three-node cluster (2 shards, 1
 * replica, HTTP over Netty4) ranks the cross-language queries as the embedded index does, and
 * keeps answering with a data node down.
 */
@ClusterScope(scope = Scope.TEST, numDataNodes = 3, numClientNodes = 0, supportsDedicatedMasters = false)
public class LiaisonClusterTests extends LiaisonIntegTestCase {
  /** Xi Jinping: a name in pinyin, which each backend looks up in its own index (习近平, 習近平); before an operator too. */
  private static final List<String> QUERIES = List.of("经济联络", "economic liaison", "中聯部", "Belt and Road", "Xi Jinping",
      "Xi Jinping AND Taiwan");
  private static final float TOLERANCE = 1e-4f;

  public void testClusterRanksAsTheEmbeddedIndexAndSurvivesALostNode() throws Exception {
    Path local = createTempDir();
    // Without language versions, which the cluster backend does not have yet: this compares rankings.
    new io.liaison.index.Indexer(io.liaison.index.Indexer.Options.of(CORPUS, local)).run();
    String httpNode = internalCluster().getNodeNames()[0];
    URI uri = httpUri(httpNode);

    IndexSummary summary = Liaison.indexOpenSearch(new OpenSearchIndexer.Options(CORPUS, 2, 1, true), uri, "news", IndexProgress.NONE);
    assertTrue("skipped: " + summary.skipped(), summary.skipped().isEmpty());
    ensureGreen("news");
    // An empty folder (a share not mounted) deletes nothing, not even with --rebuild.
    Path empty = createTempDir();
    EmptyCorpusException refused = expectThrows(EmptyCorpusException.class,
        () -> Liaison.indexOpenSearch(new OpenSearchIndexer.Options(empty, 2, 1, true), uri, "news", IndexProgress.NONE));
    assertEquals(summary.documents(), refused.documents());

    try (Liaison embedded = Liaison.open(local, GLOSSARY);
        Liaison remote = Liaison.openOpenSearch(uri, "news", GLOSSARY)) {
      assertEquals(embedded.documentCount(), remote.documentCount());
      assertEquals("aliases read back from the cluster", embedded.backend().aliases().size(), remote.backend().aliases().size());
      assertTrue(embedded.backend().aliases().size() > 0);
      for (String q : QUERIES) {
        assertSameRanking(q, embedded.search(SearchRequest.of(q)), remote.search(SearchRequest.of(q)));
      }
      assertEquals("the name's characters, found in the cluster's index", List.of("习近平"),
          remote.search(SearchRequest.of("Xi Jinping")).expansion().stream().flatMap(c -> c.alternatives().stream())
              .filter(a -> a.origin() == Origin.PINYIN && a.text().codePoints().allMatch(Character::isIdeographic))
              .map(Alternative::text).toList());
      SearchRequest inCecc = SearchRequest.of("economic liaison").withFolder("cecc");
      SearchResponse filtered = remote.search(inCecc);
      assertSameRanking("economic liaison in cecc", embedded.search(inCecc), filtered);
      assertTrue("folder filter: " + filtered.hits(), filtered.hits().stream().allMatch(h -> h.folder().equals("cecc")));
      assertEquals(Map.of("cecc", filtered.total()), filtered.facets().get("folder"));

      internalCluster().stopRandomNode(s -> !Node.NODE_NAME_SETTING.get(s).equals(httpNode));
      ensureYellow("news");
      for (String q : QUERIES) {
        assertSameRanking(q + " (one node down)", embedded.search(SearchRequest.of(q)), remote.search(SearchRequest.of(q)));
      }
    }
  }

  /**
   * Each shard keeps its pages in the embedded index's order ({@code Fields.indexSort}): English
   * pages (no script) first, then Simplified, then Traditional, so the Traditional branch of a
   * concept with a Taiwan form reads one stretch of each posting list on the cluster too.
   */
  public void testEachShardKeepsItsPagesInScriptOrder() throws Exception {
    URI uri = httpUri(internalCluster().getNodeNames()[0]);
    Liaison.indexOpenSearch(new OpenSearchIndexer.Options(CORPUS, 2, 0, true), uri, "sorted", IndexProgress.NONE);
    ensureGreen("sorted");
    assertEquals("script", client().admin().indices().prepareGetSettings("sorted").get().getSetting("sorted", "index.sort.field"));
    client().admin().indices().prepareForceMerge("sorted").setMaxNumSegments(1).get();
    refresh("sorted");
    Set<String> seen = new TreeSet<>();
    for (int shard = 0; shard < 2; shard++) {
      org.opensearch.action.search.SearchResponse r = client().prepareSearch("sorted").setPreference("_shards:" + shard)
          .setQuery(QueryBuilders.matchAllQuery()).addSort("_doc", SortOrder.ASC)
          .addDocValueField("script").setSize(1000).get();
      List<String> scripts = Arrays.stream(r.getHits().getHits())
          .map(h -> h.field("script") == null || h.field("script").getValues().isEmpty() ? "" : h.field("script").getValue().toString())
          .toList();
      assertFalse("shard " + shard + " holds pages", scripts.isEmpty());
      assertEquals("shard " + shard + " in script order", scripts.stream().sorted().toList(), scripts);
      seen.addAll(scripts);
    }
    assertEquals("the sample corpus has pages of each script", Set.of("", "Hans", "Hant"), seen);
  }

  /**
   * The cluster ranks as the embedded index does where the two-pass ranking shows: proximity and
   * the pages' renderings are scored on the ranking pass's best {@link WindowRescorer#window} hits
   * (the cluster's rescore), so a page that only proximity lifts is found first when the ranking
   * pass keeps it in that window, and not at all below it, on both. One long page has the two
   * words side by side; the short pages repeat both far apart and score higher on the words alone.
   * One shard, so that the cluster's window is the whole index's.
   */
  public void testAPageThatOnlyProximityLiftsIsRankedAsTheEmbeddedIndexRanksIt() throws Exception {
    URI uri = httpUri(internalCluster().getNodeNames()[0]);
    int window = WindowRescorer.window(SearchRequest.of("x").limit());
    for (int far : new int[] {window - 10, window + 10}) {
      Path corpus = createTempDir();
      Files.writeString(corpus.resolve("near.txt"), "Near\n\nliaison office " + "filler ".repeat(60) + "\n");
      for (int i = 0; i < far; i++) {
        Files.writeString(corpus.resolve(String.format(Locale.ROOT, "far-%03d.txt", i)),
            "Far\n\nliaison liaison filler filler filler filler filler filler filler filler filler office office\n");
      }
      Path local = createTempDir();
      new io.liaison.index.Indexer(io.liaison.index.Indexer.Options.of(corpus, local)).run();
      String name = "window-" + far;
      Liaison.indexOpenSearch(new OpenSearchIndexer.Options(corpus, 1, 0, true), uri, name, IndexProgress.NONE);
      ensureGreen(name);
      try (Liaison embedded = Liaison.open(local, GLOSSARY);
          Liaison remote = Liaison.openOpenSearch(uri, name, GLOSSARY)) {
        SearchRequest request = SearchRequest.of("liaison office");
        SearchResponse e = embedded.search(request);
        assertEquals(far + 1, e.total());
        assertSameRanking(request.query() + " over " + far + " pages far apart", e, remote.search(request));
        boolean found = e.hits().stream().anyMatch(h -> h.id().equals("near.txt"));
        assertEquals(far + " pages far apart", far < window, found);
        if (found) {
          assertEquals("near.txt", e.hits().get(0).id());
        }
        // A later page is cut from the same window, sorted by score and then id on both.
        SearchRequest second = request.withPage(2);
        assertSameRanking(request.query() + " page 2 over " + far + " pages far apart", embedded.search(second), remote.search(second));
        // A deep page's window stays within the cluster's result window (10 000 by default): twice
        // the 6 000 hits this page needs would pass it, and the cluster would refuse the search.
        SearchResponse deep = remote.search(request.withLimit(1000).withPage(6));
        assertEquals(e.total(), deep.total());
        assertTrue(deep.hits().isEmpty());
      }
    }
  }

  /** Same top-10 documents in the same order (ties broken by id on both), with the same scores. */
  private void assertSameRanking(String query, SearchResponse embedded, SearchResponse remote) {
    assertEquals(query + ": total hits", embedded.total(), remote.total());
    assertEquals(query + ": hits shown", embedded.hits().size(), remote.hits().size());
    assertFalse(query + ": no hits", embedded.hits().isEmpty());
    float worst = 0f;
    for (int i = 0; i < embedded.hits().size(); i++) {
      Hit e = embedded.hits().get(i);
      Hit r = remote.hits().get(i);
      String at = String.format(Locale.ROOT, "%s rank %d: embedded %s %.6f, cluster %s %.6f", query, i + 1, e.id(), e.score(),
          r.id(), r.score());
      assertEquals(at, e.id(), r.id());
      float diff = Math.abs(e.score() - r.score());
      worst = Math.max(worst, diff);
      assertTrue(at, diff <= TOLERANCE * Math.max(1f, e.score()));
    }
    logger.info(String.format(Locale.ROOT, "ranking agreement for [%s]: %d hits, top %d in the same order, largest score difference %.2e",
        query, embedded.total(), embedded.hits().size(), worst));
  }
}
