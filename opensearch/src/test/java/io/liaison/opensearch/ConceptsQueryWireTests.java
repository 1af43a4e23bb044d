package io.liaison.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.Liaison;
import io.liaison.backend.OpenSearchCluster;
import io.liaison.backend.OpenSearchIndexer;
import io.liaison.index.IndexProgress;
import io.liaison.index.Scoring;
import io.liaison.query.Alternative;
import io.liaison.query.Concept;
import io.liaison.query.ConceptQueryBuilder;
import io.liaison.query.Origin;
import io.liaison.search.Hit;
import io.liaison.search.LanguageBalance;
import io.liaison.search.SearchRequest;
import io.liaison.search.SearchResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opensearch.client.Request;
import org.opensearch.client.Response;
import org.opensearch.common.io.stream.BytesStreamOutput;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.common.Strings;
import org.opensearch.core.common.io.stream.NamedWriteableAwareStreamInput;
import org.opensearch.core.common.io.stream.NamedWriteableRegistry;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.MediaTypeRegistry;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.test.OpenSearchIntegTestCase.ClusterScope;
import org.opensearch.test.OpenSearchIntegTestCase.Scope;

/**
 * {@code liaison_concepts} as any OpenSearch client sends it: raw JSON over the cluster's REST
 * endpoint. The node's registries parse it and write it back unchanged (JSON and transport,
 * {@code phrase} and per-term weights included), and the cluster ranks with it as the embedded
 * library ranks the same concepts; a short query's {@code liaison_coordination} likewise.
 */
@ClusterScope(scope = Scope.SUITE, numDataNodes = 2, numClientNodes = 0, supportsDedicatedMasters = false)
public class ConceptsQueryWireTests extends LiaisonIntegTestCase {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INDEX = "news";
  /** Same statistics (dfs_query_then_fetch), same Lucene query: only float rounding may differ; see ServeOnClusterTests. */
  private static final double SCORE_TOLERANCE = 1e-5;

  public void testAnIndexThatScoresOtherwiseThanTheEmbeddedOneIsReported() throws Exception {
    URI uri = httpUri(internalCluster().getNodeNames()[0]);
    try (OpenSearchCluster shipped = new OpenSearchCluster(uri, "scoring-shipped");
        OpenSearchCluster older = new OpenSearchCluster(uri, "scoring-older")) {
      shipped.create(1, 0);
      assertEquals(Optional.empty(), shipped.scoringMismatch());
      // As an index created before liaison-index.json set BM25's parameters: OpenSearch's defaults.
      client().admin().indices().prepareCreate("scoring-older").get();
      String why = older.scoringMismatch().orElseThrow();
      assertTrue(why, why.contains("BM25 k1 1.2, b 0.75") && why.contains("k1 " + Scoring.K1 + ", b " + Scoring.B));
      assertTrue(why, why.contains("liaison index --rebuild --opensearch"));
      assertEquals(Optional.empty(), shipped.scriptMissing());
      String unmapped = older.scriptMissing().orElseThrow();
      assertTrue(unmapped, unmapped.contains("no field script") && unmapped.contains("liaison index --rebuild --opensearch"));
    }
  }

  public void testRawJsonRoundTripsAndRanksAsTheEmbeddedLibrary() throws Exception {
    Path local = createTempDir();
    // Without language versions, which the cluster backend does not have yet: this compares rankings.
    new io.liaison.index.Indexer(io.liaison.index.Indexer.Options.of(CORPUS, local)).run();
    Liaison.indexOpenSearch(new OpenSearchIndexer.Options(CORPUS, 2, 1, true), httpUri(internalCluster().getNodeNames()[0]),
        INDEX, IndexProgress.NONE);
    ensureGreen(INDEX);
    NamedXContentRegistry xContent = internalCluster().getInstance(NamedXContentRegistry.class);
    NamedWriteableRegistry writeables = internalCluster().getInstance(NamedWriteableRegistry.class);

    boolean sawPhrase = false;
    boolean sawRegional = false;
    boolean sawMainland = false;
    boolean sawCoordination = false;
    boolean sawCoveredWord = false;
    try (Liaison embedded = Liaison.open(local, GLOSSARY)) {
      // 数据 brings its Taiwan form 资料, which counts only in Traditional pages (one has it); 資料,
      // typed in Traditional, its mainland form 数据, which counts only in the others.
      for (String q : List.of("经济联络", "economic liaison", "Belt and Road", "中聯部", "数据", "資料")) {
        // The concepts alone, as this test sends them: without the pages' renderings, which the
        // library's client sends beside them as a plain bool of terms (ServeOnClusterTests).
        SearchResponse want = embedded.search(SearchRequest.of(q).withAblations(java.util.Set.of(io.liaison.query.Ablation.DOCUMENTS)));
        ObjectNode query = conceptsJson(want.expansion());
        JsonNode sent = JSON.readTree(query.toString()); // numbers as a parser reads them
        sawPhrase |= want.expansion().stream().anyMatch(Concept::phrase);
        sawRegional |= sent.toString().contains("\"regional\":true");
        sawMainland |= sent.toString().contains("\"mainland\":true");

        QueryBuilder parsed = parse(xContent, query.toString());
        ConceptsQueryBuilder concepts = (ConceptsQueryBuilder) parsed;
        assertEquals(q + ": written back as sent", sent, JSON.readTree(Strings.toString(MediaTypeRegistry.JSON, concepts)));
        QueryBuilder fromWire = overTheWire(writeables, concepts);
        assertEquals(q + ": read from the transport stream", concepts, fromWire);
        assertEquals(q, sent, JSON.readTree(Strings.toString(MediaTypeRegistry.JSON, fromWire)));

        // A query of two to four words is coordinated (CoordinationQuery): the client sends the
        // concepts inside liaison_coordination, with each word's concept on its own to count.
        List<Concept> words = want.expansion().stream().filter(c -> !c.phrase()).toList();
        ObjectNode ranked = query;
        if (words.size() >= 2 && words.size() <= 4) {
          ObjectNode body = JSON.createObjectNode();
          body.set("query", query);
          ArrayNode counted = body.putArray("concepts");
          Map<Concept, List<Concept>> coveredBy = ConceptQueryBuilder.coveringPhrases(want.expansion());
          for (Concept w : words) {
            // A word inside a phrase concept (Belt, Road in Belt and Road) counts where the phrase
            // matches too: the two go as one bool.
            List<Concept> covering = coveredBy.getOrDefault(w, List.of());
            if (covering.isEmpty()) {
              counted.add(conceptsJson(List.of(w)));
            } else {
              ObjectNode either = JSON.createObjectNode();
              ObjectNode bool = either.putObject("bool");
              ArrayNode should = bool.putArray("should");
              should.add(conceptsJson(List.of(w)));
              covering.forEach(c -> should.add(conceptsJson(List.of(c))));
              bool.put("adjust_pure_negative", true).put("boost", 1.0f); // as OpenSearch writes a bool back
              counted.add(either);
              sawCoveredWord = true;
            }
          }
          body.put("exponent", 0.5f).put("boost", 1.0f);
          ranked = JSON.createObjectNode();
          ranked.set(CoordinationQueryBuilder.NAME, body);
          sawCoordination = true;
          QueryBuilder coordination = parse(xContent, ranked.toString());
          assertEquals(q + ": coordination written back as sent", JSON.readTree(ranked.toString()),
              JSON.readTree(Strings.toString(MediaTypeRegistry.JSON, coordination)));
          assertEquals(q + ": coordination read from the transport stream", coordination, overTheWire(writeables, coordination));
        }
        assertSameRanking(q, want, search(ranked));
        if (ranked != query) {
          assertExplanationsAddUp(q, ranked);
        }

        // Only the run's proximity, as the library's client sends it beside the concepts.
        ObjectNode proximity = conceptsJson(want.expansion());
        ((ObjectNode) proximity.path(ConceptsQueryBuilder.NAME)).put("proximity_only", true);
        QueryBuilder near = parse(xContent, proximity.toString());
        assertEquals(q + ": proximity_only written back", JSON.readTree(proximity.toString()),
            JSON.readTree(Strings.toString(MediaTypeRegistry.JSON, near)));
        assertEquals(q + ": proximity_only read from the transport stream", near, overTheWire(writeables, near));
        assertNotEquals(q + ": proximity_only is another query", concepts, near);
      }
    }
    assertTrue("a query with a phrase concept was sent", sawPhrase);
    assertTrue("a query with a Taiwan form was sent", sawRegional);
    assertTrue("a query with a mainland form was sent", sawMainland);
    assertTrue("a coordinated query was sent", sawCoordination);
    assertTrue("a coordinated word covered by a phrase was sent", sawCoveredWord);
  }

  public void testAPhraseConceptStaysOptionalUnderAndOnTheCluster() throws Exception {
    Liaison.indexOpenSearch(new OpenSearchIndexer.Options(CORPUS, 2, 1, true), httpUri(internalCluster().getNodeNames()[1]),
        INDEX, IndexProgress.NONE);
    ensureGreen(INDEX);
    // Both words are required; the phrase only adds to the score. Were the phrase required too,
    // documents that say "economic ... liaison" apart would be lost.
    Concept economic = concept("economic", false);
    Concept liaison = concept("liaison", false);
    Concept phrase = concept("economic liaison", true);
    ObjectNode withPhrase = conceptsJson(List.of(economic, liaison, phrase));
    ((ObjectNode) withPhrase.path(ConceptsQueryBuilder.NAME)).put("operator", "and");
    ObjectNode wordsOnly = conceptsJson(List.of(economic, liaison));
    ((ObjectNode) wordsOnly.path(ConceptsQueryBuilder.NAME)).put("operator", "and");
    ObjectNode phraseRequired = conceptsJson(List.of(economic, liaison, concept("economic liaison", false)));
    ((ObjectNode) phraseRequired.path(ConceptsQueryBuilder.NAME)).put("operator", "and");

    long words = search(wordsOnly).path("hits").path("total").path("value").asLong();
    long required = search(phraseRequired).path("hits").path("total").path("value").asLong();
    assertTrue("the corpus has documents with both words apart: " + words + " vs " + required, words > required);
    assertEquals(words, search(withPhrase).path("hits").path("total").path("value").asLong());
  }

  public void testAContentMatchFindsOnlyPagesWithItsContentAndCrossesTheWire() throws Exception {
    Liaison.indexOpenSearch(new OpenSearchIndexer.Options(CORPUS, 2, 1, true), httpUri(internalCluster().getNodeNames()[0]),
        INDEX, IndexProgress.NONE);
    ensureGreen(INDEX);
    NamedXContentRegistry xContent = internalCluster().getInstance(NamedXContentRegistry.class);
    NamedWriteableRegistry writeables = internalCluster().getInstance(NamedWriteableRegistry.class);
    // 经济的: 的 beside 经济, as the library sends a question whose function word stands aside.
    ObjectNode word = conceptsJson(List.of(concept("经济", false)));
    ObjectNode particle = conceptsJson(List.of(concept("的", false)));
    ObjectNode either = JSON.createObjectNode();
    ObjectNode bool = either.putObject("bool");
    bool.putArray("should").add(word).add(particle);
    bool.put("adjust_pure_negative", true).put("boost", 1.0f);
    ObjectNode body = JSON.createObjectNode();
    body.set("query", either);
    body.putArray("content").add(word);
    body.put("boost", 1.0f);
    ObjectNode content = JSON.createObjectNode();
    content.set(ContentMatchQueryBuilder.NAME, body);

    QueryBuilder parsed = parse(xContent, content.toString());
    assertEquals("written back as sent", JSON.readTree(content.toString()), JSON.readTree(Strings.toString(MediaTypeRegistry.JSON, parsed)));
    assertEquals("read from the transport stream", parsed, overTheWire(writeables, parsed));

    long all = search(either).path("hits").path("total").path("value").asLong();
    long withWord = search(word).path("hits").path("total").path("value").asLong();
    JsonNode found = search(content);
    assertTrue("some pages hold 的 and not 经济: " + all + " vs " + withWord, all > withWord);
    assertEquals(withWord, found.path("hits").path("total").path("value").asLong());
    // Scored as the disjunction: a page's score is its score there.
    Map<String, Double> scores = new java.util.HashMap<>();
    search(either).path("hits").path("hits").forEach(h -> scores.put(h.path("_id").asText(), h.path("_score").asDouble()));
    found.path("hits").path("hits").forEach(h -> assertEquals(h.path("_id").asText(), scores.get(h.path("_id").asText()),
        h.path("_score").asDouble(), 1e-4));
  }

  private static Concept concept(String text, boolean phrase) {
    return new Concept(text, List.of(new Alternative(text, 1f, Origin.QUERY, List.of())), phrase);
  }

  /** The concepts as a client writes them, with every field the builder writes back. */
  private static ObjectNode conceptsJson(List<Concept> concepts) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode array = body.putArray("concepts");
    for (Concept c : concepts) {
      ObjectNode concept = array.addObject().put("source", c.source());
      ArrayNode alternatives = concept.putArray("alternatives");
      for (Alternative a : c.alternatives()) {
        ObjectNode alternative = alternatives.addObject().put("text", a.text()).put("weight", a.weight());
        if (a.origin() == Origin.VARIANT) {
          alternative.put("regional", true);
        } else if (a.origin() == Origin.MAINLAND) {
          alternative.put("mainland", true);
        }
      }
      concept.put("phrase", c.phrase());
    }
    body.putArray("fields").add("title").add("body");
    body.put("title_boost", 2.0f).put("operator", "or").put("slop", 0);
    body.putArray("ablations");
    body.put("boost", 1.0f);
    ObjectNode query = JSON.createObjectNode();
    query.set(ConceptsQueryBuilder.NAME, body);
    return query;
  }

  private static QueryBuilder parse(NamedXContentRegistry registry, String json) throws Exception {
    try (XContentParser parser = JsonXContent.jsonXContent.createParser(registry, DeprecationHandler.THROW_UNSUPPORTED_OPERATION, json)) {
      return AbstractQueryBuilder.parseInnerQueryBuilder(parser);
    }
  }

  private static QueryBuilder overTheWire(NamedWriteableRegistry registry, QueryBuilder query) throws Exception {
    try (BytesStreamOutput out = new BytesStreamOutput()) {
      out.writeNamedWriteable(query);
      try (StreamInput in = new NamedWriteableAwareStreamInput(out.bytes().streamInput(), registry)) {
        return in.readNamedWriteable(QueryBuilder.class);
      }
    }
  }

  /** The raw JSON through the low-level REST client, with index-wide statistics as the library's searches use. */
  private static JsonNode search(ObjectNode query) throws Exception {
    Request request = new Request("POST", "/" + INDEX + "/_search");
    request.addParameter("search_type", "dfs_query_then_fetch");
    // Every hit of the 44-document index, so each language's best 10 are there to merge as the
    // library merges them (LanguageBalance); ties broken by id as it does.
    ObjectNode body = JSON.createObjectNode().put("size", 100).put("track_total_hits", true);
    body.set("query", query);
    body.putArray("sort").add(JSON.createObjectNode().put("_score", "desc")).add(JSON.createObjectNode().put("id", "asc"));
    body.put("track_scores", true);
    body.putArray("_source").add("id").add("lang");
    request.setJsonEntity(body.toString());
    Response response = getRestClient().performRequest(request);
    return JSON.readTree(new String(response.getEntity().getContent().readAllBytes(), StandardCharsets.UTF_8));
  }

  /** With "explain": each hit's explanation comes to its score and names the coordination factor. */
  private static void assertExplanationsAddUp(String q, ObjectNode query) throws Exception {
    Request request = new Request("POST", "/" + INDEX + "/_search");
    request.addParameter("search_type", "dfs_query_then_fetch");
    ObjectNode body = JSON.createObjectNode().put("size", 10).put("explain", true);
    body.set("query", query);
    request.setJsonEntity(body.toString());
    Response response = getRestClient().performRequest(request);
    JsonNode hits = JSON.readTree(new String(response.getEntity().getContent().readAllBytes(), StandardCharsets.UTF_8))
        .path("hits").path("hits");
    assertTrue(q + ": explained hits", hits.size() > 0);
    for (JsonNode hit : hits) {
      JsonNode explanation = hit.path("_explanation");
      String at = q + " " + hit.path("_id").asText() + ": " + explanation;
      assertTrue(at, Math.abs(explanation.path("value").asDouble() - hit.path("_score").asDouble())
          <= SCORE_TOLERANCE * Math.max(1, hit.path("_score").asDouble()));
      assertTrue(at, explanation.path("description").asText().contains("concepts matched"));
    }
  }

  /** The cluster's raw hits, merged across languages as the library merges its own, against the library's page. */
  private static void assertSameRanking(String q, SearchResponse embedded, JsonNode cluster) {
    assertEquals(q + ": total", embedded.total(), cluster.path("hits").path("total").path("value").asLong());
    List<LanguageBalance.Candidate<String>> raw = new ArrayList<>();
    for (JsonNode c : cluster.path("hits").path("hits")) {
      raw.add(new LanguageBalance.Candidate<>(c.path("_id").asText(), c.path("_id").asText(),
          c.path("_source").path("lang").asText(), (float) c.path("_score").asDouble()));
    }
    List<LanguageBalance.Candidate<String>> hits = LanguageBalance.merge(raw);
    hits = hits.subList(0, Math.min(10, hits.size()));
    assertEquals(q + ": hits", embedded.hits().size(), hits.size());
    for (int i = 0; i < hits.size(); i++) {
      Hit e = embedded.hits().get(i);
      LanguageBalance.Candidate<String> c = hits.get(i);
      String at = String.format(Locale.ROOT, "%s rank %d: embedded %s %.8f, cluster %s %.8f", q, i + 1, e.id(), e.score(),
          c.id(), c.score());
      assertEquals(at, e.id(), c.id());
      assertTrue(at, Math.abs(e.score() - c.score()) <= SCORE_TOLERANCE * Math.max(1, e.score()));
    }
  }
}
