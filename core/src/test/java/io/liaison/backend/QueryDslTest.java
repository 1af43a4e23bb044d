package io.liaison.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liaison.query.Alternative;
import io.liaison.query.Concept;
import io.liaison.query.Origin;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class QueryDslTest {
  @Test
  void aConceptGoesToTheClusterWithItsWeightsAndPhraseFlag() {
    Concept phrase = new Concept("经济联络", List.of(new Alternative("经济联络", 1f, Origin.QUERY, List.of()),
        new Alternative("economic liaison", 0.75f, Origin.GLOSSARY, List.of("a.txt"))), true);
    JsonObject json = new QueryDsl(2f, Set.of()).toJson(new RemoteConceptQuery(List.of("title", "body"), phrase, 0));
    JsonObject concept = json.getJsonObject("liaison_concepts").getJsonArray("concepts").getJsonObject(0);
    assertEquals(true, concept.getBoolean("phrase"));
    assertEquals("economic liaison", concept.getJsonArray("alternatives").getJsonObject(1).getString("text"));
    assertEquals(0.75, concept.getJsonArray("alternatives").getJsonObject(1).getJsonNumber("weight").doubleValue(), 1e-6);
    assertEquals(false, concept.getJsonArray("alternatives").getJsonObject(1).containsKey("regional"));
  }

  @Test
  void aTaiwanFormGoesToTheClusterMarkedRegional() {
    Concept software = new Concept("软件", List.of(new Alternative("软件", 1f, Origin.QUERY, List.of()),
        new Alternative("软体", 0.5f, Origin.VARIANT, List.of()), new Alternative("software", 0.5f, Origin.DICTIONARY, List.of())));
    JsonArray alternatives = new QueryDsl(2f, Set.of()).toJson(new RemoteConceptQuery(List.of("body"), software, 0))
        .getJsonObject("liaison_concepts").getJsonArray("concepts").getJsonObject(0).getJsonArray("alternatives");
    assertEquals(List.of(false, true, false), alternatives.stream().map(a -> a.asJsonObject().getBoolean("regional", false)).toList());
  }

  @Test
  void aWildcardWithTheStemsOfItsWordsGoesAsAConstantScoreQuery() {
    Query q = new ConstantScoreQuery(new BooleanQuery.Builder()
        .add(new WildcardQuery(new Term("body", "organi?ation")), BooleanClause.Occur.SHOULD)
        .add(new TermInSetQuery("body", List.of(new BytesRef("organ"), new BytesRef("organis"))), BooleanClause.Occur.SHOULD)
        .build());
    JsonObject json = new QueryDsl(2f, Set.of()).toJson(new BoostQuery(q, 2f));
    assertEquals(2.0, json.getJsonObject("constant_score").getJsonNumber("boost").doubleValue(), 1e-6);
    JsonArray should = json.getJsonObject("constant_score").getJsonObject("filter").getJsonObject("bool").getJsonArray("should");
    assertEquals("organi?ation", should.getJsonObject(0).getJsonObject("wildcard").getJsonObject("body").getString("value"));
    assertEquals(List.of("organ", "organis"), should.getJsonObject(1).getJsonObject("terms").getJsonArray("body")
        .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
  }

  @Test
  void aContentMatchGoesToTheClusterWithItsDisjunctionAndContent() {
    Query particle = new org.apache.lucene.search.TermQuery(new Term("body", "的"));
    Query word = new org.apache.lucene.search.TermQuery(new Term("body", "中心"));
    Query q = new io.liaison.query.ContentMatchQuery(new BooleanQuery.Builder()
        .add(word, BooleanClause.Occur.SHOULD).add(particle, BooleanClause.Occur.SHOULD).build(), List.of(word));
    JsonObject content = new QueryDsl(2f, Set.of()).toJson(q).getJsonObject("liaison_content");
    assertEquals(2, content.getJsonObject("query").getJsonObject("bool").getJsonArray("should").size());
    assertEquals(List.of("中心"), content.getJsonArray("content").getValuesAs(JsonObject.class).stream()
        .map(t -> t.getJsonObject("term").getJsonObject("body").getString("value")).toList());
  }
}
