package io.liaison.search;

import static io.liaison.search.TestQueries.or;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
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
  void aRequiredProhibitedOrMinimumClauseKeepsTheWholeQuery() {
    Query title = new TermQuery(new Term("title", "kernel"));
    Query body = new TermQuery(new Term("body", "module"));
    Query required = new BooleanQuery.Builder().add(title, BooleanClause.Occur.MUST).add(body, BooleanClause.Occur.SHOULD).build();
    Query prohibited = new BooleanQuery.Builder().add(body, BooleanClause.Occur.SHOULD).add(title, BooleanClause.Occur.MUST_NOT).build();
    Query nested = or(required, body);
    Query twoOfThree = new BooleanQuery.Builder().add(title, BooleanClause.Occur.SHOULD).add(body, BooleanClause.Occur.SHOULD)
        .add(new TermQuery(new Term("body", "load")), BooleanClause.Occur.SHOULD).setMinimumNumberShouldMatch(2).build();
    for (Query q : List.of(required, prohibited, nested, twoOfThree)) {
      assertSame(q, HighlightQuery.forField(q, "body"), q.toString());
    }
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
    Query expected = new BooleanQuery.Builder().add(liaison, BooleanClause.Occur.MUST).add(office, BooleanClause.Occur.MUST).build();
    assertEquals(expected, HighlightQuery.forField(required, "body"));
    assertEquals(or(liaison, office), HighlightQuery.forField(or(liaison, office, near), "body"));
  }
}
