package io.liaison.search;

import static io.liaison.search.TestQueries.or;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.analysis.ChineseScript;
import io.liaison.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class HighlightQueryTest {
  private static Query concept(String field, String word, String translation) {
    Query synonyms = new SynonymQuery.Builder(field).addTerm(new Term(field, word)).addTerm(new Term(field, translation), 0.5f).build();
    return new DisjunctionMaxQuery(List.of(synonyms, new PhraseQuery(field, word, translation)), 0f);
  }

  @Test
  void aPureDisjunctionLosesItsClausesOnOtherFieldsAndKeepsItsShape() {
    Query query = or(
        or(new BoostQuery(concept("title", "liaison", "联络"), 2f), concept("body", "liaison", "联络")),
        or(new BoostQuery(new TermQuery(new Term("title", "office")), 2f), new TermQuery(new Term("body", "office"))),
        new PrefixQuery(new Term("body", "econ")));
    Query expected = or(
        or(concept("body", "liaison", "联络")),
        or(new TermQuery(new Term("body", "office"))),
        new PrefixQuery(new Term("body", "econ")));
    assertEquals(expected, HighlightQuery.forField(query, "body"));
  }

  @Test
  void aNestedRequiredProhibitedOrMinimumClauseKeepsTheWholeQuery() {
    Query title = new TermQuery(new Term("title", "kernel"));
    Query body = new TermQuery(new Term("body", "module"));
    Query required = new BooleanQuery.Builder().add(title, BooleanClause.Occur.MUST).add(body, BooleanClause.Occur.SHOULD).build();
    Query prohibited = new BooleanQuery.Builder().add(body, BooleanClause.Occur.SHOULD).add(title, BooleanClause.Occur.MUST_NOT).build();
    // In an optional clause, the title term decides whether "module" in the body is the clause's match.
    Query nested = or(required, new TermQuery(new Term("body", "load")));
    Query twoOfThree = new BooleanQuery.Builder().add(title, BooleanClause.Occur.SHOULD).add(body, BooleanClause.Occur.SHOULD)
        .add(new TermQuery(new Term("body", "load")), BooleanClause.Occur.SHOULD).setMinimumNumberShouldMatch(2).build();
    for (Query q : List.of(prohibited, nested, twoOfThree)) {
      assertSame(q, HighlightQuery.forField(q, "body"), q.toString());
    }
  }

  @Test
  void aRequiredClauseOfTheQueryItselfIsStrippedLikeAnOptionalOne() {
    // Every hit matches the query's own required clauses, so in a hit they mark what they would as
    // optional ones: the title's go, the body's stay (how the parser requires the words beside 的).
    Query title = new TermQuery(new Term("title", "kernel"));
    Query body = new TermQuery(new Term("body", "module"));
    Query particle = new TermQuery(new Term("body", "的"));
    Query words = or(title, body);
    Query query = new io.liaison.query.CoordinationQuery(new BooleanQuery.Builder()
        .add(words, BooleanClause.Occur.MUST).add(particle, BooleanClause.Occur.SHOULD).build(), List.of(title, body), 0.5f);
    assertEquals(or(or(body), particle), HighlightQuery.forField(query, "body"));
    // One level down, under a required clause, too; under an optional one, not.
    Query deeper = new BooleanQuery.Builder().add(new BooleanQuery.Builder()
        .add(title, BooleanClause.Occur.MUST).add(body, BooleanClause.Occur.SHOULD).build(), BooleanClause.Occur.MUST).build();
    assertEquals(or(or(body)), HighlightQuery.forField(deeper, "body"));
  }

  @Test
  void aQueryWithNothingOnTheFieldMatchesNothingThere() {
    Query titleOnly = or(new TermQuery(new Term("title", "kernel")), new BoostQuery(concept("title", "module", "模块"), 2f));
    assertTrue(HighlightQuery.forField(titleOnly, "body") instanceof MatchNoDocsQuery);
  }

  @Test
  void proximityClausesGoEvenBesideARequiredClause() {
    Query near = io.liaison.query.ConceptProximity.clause("body", org.apache.lucene.queries.intervals.Intervals.unordered(
        org.apache.lucene.queries.intervals.Intervals.term("liaison"), org.apache.lucene.queries.intervals.Intervals.term("office")), 2f);
    Query liaison = new TermQuery(new Term("body", "liaison"));
    Query office = new TermQuery(new Term("body", "office"));
    Query required = new BooleanQuery.Builder().add(liaison, BooleanClause.Occur.MUST).add(office, BooleanClause.Occur.MUST)
        .add(near, BooleanClause.Occur.SHOULD).build();
    Query load = new TermQuery(new Term("body", "load"));
    Query withoutNear = new BooleanQuery.Builder().add(liaison, BooleanClause.Occur.MUST).add(office, BooleanClause.Occur.MUST).build();
    // Required one level down: the query is kept, but for proximity.
    assertEquals(or(withoutNear, load), HighlightQuery.forField(or(required, load), "body"));
    // The query itself: a conjunction of body terms once proximity is gone, kept whole.
    assertEquals(withoutNear, HighlightQuery.forField(required, "body"));
    assertEquals(or(liaison, office), HighlightQuery.forField(or(liaison, office, near), "body"));
  }

  @Test
  void aContentMatchOfTheQueryIsStrippedAsItsDisjunctionAndOneDeeperKeepsTheQuery() {
    Query title = new TermQuery(new Term("title", "kernel"));
    Query body = new TermQuery(new Term("body", "module"));
    Query particle = new TermQuery(new Term("body", "的"));
    Query near = io.liaison.query.ConceptProximity.clause("body", org.apache.lucene.queries.intervals.Intervals.unordered(
        org.apache.lucene.queries.intervals.Intervals.term("kernel"), org.apache.lucene.queries.intervals.Intervals.term("module")), 2f);
    Query matched = new io.liaison.query.ContentMatchQuery(or(title, body, particle, near), List.of(title, body));
    // Every hit matches it: the function word is marked, proximity and the title go, through coordination too.
    Query query = new io.liaison.query.CoordinationQuery(matched, List.of(title, body), 0.5f);
    assertEquals(or(body, particle), HighlightQuery.forField(query, "body"));
    // Beside another optional clause a hit may not match it, and then its 的 must not be marked.
    Query nested = or(matched, new TermQuery(new Term("body", "load")));
    Query kept = HighlightQuery.forField(nested, "body");
    assertEquals(or(new io.liaison.query.ContentMatchQuery(or(title, body, particle), List.of(title, body)),
        new TermQuery(new Term("body", "load"))), kept);
  }

  @Test
  void aConceptsBranchesByScriptAreStrippedWithTheirScriptClauses() throws Exception {
    // 文档 with its Taiwan form 文件 in Traditional pages only: per field, the concept without it
    // where the page is not Hant and with it where it is (ConceptQueryBuilder#inField).
    Query hant = new TermQuery(new Term(Fields.SCRIPT, ChineseScript.TRADITIONAL));
    Function<String, Query> split = f -> or(
        new BooleanQuery.Builder().add(new TermQuery(new Term(f, "文档")), BooleanClause.Occur.MUST)
            .add(hant, BooleanClause.Occur.MUST_NOT).build(),
        new BooleanQuery.Builder().add(concept(f, "文档", "文件"), BooleanClause.Occur.MUST)
            .add(hant, BooleanClause.Occur.FILTER).build());
    Query query = or(new BoostQuery(split.apply("title"), 2f), split.apply("body"));
    assertEquals(or(split.apply("body")), HighlightQuery.forField(query, "body"), "the title's branches go, the body's keep their script");
    // What is marked follows the script: the highlighter asks the query's weight for a page's
    // matches, and 文件 matches in the Traditional page (这份文件), not in the Simplified one (复制这个文件).
    assertEquals(List.of(true, false), matches(HighlightQuery.forField(query, "body"), "這份文件", ChineseScript.TRADITIONAL, "复制这个文件", ChineseScript.SIMPLIFIED));
  }

  /** For each page (body text, script), whether {@code q}'s weight finds matches in it. */
  private static List<Boolean> matches(Query q, String... pages) throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir,
          new IndexWriterConfig(Fields.analyzer(true)))) {
        for (int i = 0; i < pages.length; i += 2) {
          Document d = new Document();
          d.add(new TextField("body", pages[i], Field.Store.NO));
          d.add(new StringField(Fields.SCRIPT, pages[i + 1], Field.Store.NO));
          w.addDocument(d);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        Weight weight = searcher.createWeight(searcher.rewrite(q),
            ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<Boolean> out = new ArrayList<>();
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
          out.add(weight.matches(reader.leaves().get(0), doc) != null);
        }
        return out;
      }
    }
  }

  @Test
  void aConjunctionOfTermsOnOneFieldIsKeptThereAndGoesElsewhere() {
    // 软件包's bigrams, required together, beside its body term: the body's marks need only the body term.
    Query bigrams = new BooleanQuery.Builder()
        .add(new TermQuery(new Term("han_bigrams", "软件")), BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term("han_bigrams", "件包")), BooleanClause.Occur.MUST).build();
    Query word = new TermQuery(new Term("body", "软件包"));
    Query query = or(word, new DisjunctionMaxQuery(List.of(new TermQuery(new Term("han_bigrams", "套件")), bigrams), 0f));
    assertEquals(or(word), HighlightQuery.forField(query, "body"));
    assertEquals(or(new DisjunctionMaxQuery(List.of(new TermQuery(new Term("han_bigrams", "套件")), bigrams), 0f)),
        HighlightQuery.forField(query, "han_bigrams"));
    // On the field itself a conjunction stays whole; across two fields the query is kept as it is.
    Query bodyPair = new BooleanQuery.Builder().add(word, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term("body", "安装")), BooleanClause.Occur.MUST).build();
    assertEquals(or(bodyPair, word), HighlightQuery.forField(or(bodyPair, word), "body"));
    Query mixed = new BooleanQuery.Builder().add(word, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term("title", "安装")), BooleanClause.Occur.MUST).build();
    Query withMixed = or(mixed, new TermQuery(new Term("body", "load")));
    assertSame(withMixed, HighlightQuery.forField(withMixed, "body"));
  }
}
