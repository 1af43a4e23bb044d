package io.liaison.search;

import static io.liaison.search.TestQueries.or;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.liaison.index.Fields;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/**
 * What the counting query drops. That it matches the same documents is asserted on a real index in
 * {@link RankedMatchesTest}, for these shapes among others.
 */
class MatchSetQueryTest {
  private static final Query LIAISON = new SynonymQuery.Builder(Fields.BODY)
      .addTerm(new Term(Fields.BODY, "liaison"), 1f).addTerm(new Term(Fields.BODY, "联络"), 0.5f).build();
  private static final Query OFFICE = new TermQuery(new Term(Fields.BODY, "office"));
  private static final Query LIAISON_OFFICE = new PhraseQuery(Fields.BODY, "liaison", "office");
  private static final Query REPORT_MEMO = new PhraseQuery(Fields.BODY, "report", "memo");

  @Test
  void aPhraseHoldingATermOfTheSameDisjunctionIsDroppedAndTheRestFlattened() {
    Query concept = new DisjunctionMaxQuery(List.of(OFFICE, new BoostQuery(LIAISON_OFFICE, 0.4f)), 0f);
    Query counted = MatchSetQuery.of(or(new BoostQuery(LIAISON, 2f), concept));
    assertEquals(List.of(), leaves(counted, PhraseQuery.class));
    // One set of the field's three terms, synonym and dis-max opened.
    TermInSetQuery set = assertInstanceOf(TermInSetQuery.class, counted);
    assertEquals(Fields.BODY, set.getField());
    assertEquals(List.of("liaison", "office", "联络"), terms(set));
  }

  @Test
  void theTermsOfEachFieldBecomeOneClauseSoTheClauseLimitStillHolds() {
    // The clause limit counts a synonym query as one clause, whatever its number of terms.
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String field : List.of(Fields.TITLE, Fields.BODY)) {
      SynonymQuery.Builder synonyms = new SynonymQuery.Builder(field);
      for (int i = 0; i < 600; i++) {
        synonyms.addTerm(new Term(field, "w" + i));
      }
      query.add(synonyms.build(), BooleanClause.Occur.SHOULD);
    }
    query.add(REPORT_MEMO, BooleanClause.Occur.SHOULD);
    BooleanQuery counted = assertInstanceOf(BooleanQuery.class, MatchSetQuery.of(query.build()));
    assertEquals(3, counted.clauses().size());
    assertEquals(600, terms(assertInstanceOf(TermInSetQuery.class, counted.clauses().get(0).query())).size());
    assertEquals(REPORT_MEMO, counted.clauses().get(2).query());
  }

  private static List<String> terms(TermInSetQuery set) {
    List<String> out = new ArrayList<>();
    try {
      var it = set.getBytesRefIterator();
      for (var b = it.next(); b != null; b = it.next()) {
        out.add(b.utf8ToString());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.stream().sorted().toList();
  }

  @Test
  void aPhraseOfTermsFoundNowhereElseIsKept() {
    Query counted = MatchSetQuery.of(or(OFFICE, new BoostQuery(REPORT_MEMO, 0.5f)));
    assertEquals(List.of("body:\"report memo\""), leaves(counted, PhraseQuery.class));
  }

  @Test
  void optionalClausesBesideARequiredOneAreDroppedUnlessSomeMustMatch() {
    Query required = new BooleanQuery.Builder().add(OFFICE, BooleanClause.Occur.MUST)
        .add(REPORT_MEMO, BooleanClause.Occur.SHOULD).build();
    assertEquals(List.of(), leaves(MatchSetQuery.of(required), PhraseQuery.class));
    assertEquals(List.of("body:office"), leaves(MatchSetQuery.of(required), TermQuery.class));

    Query atLeastOne = new BooleanQuery.Builder().add(OFFICE, BooleanClause.Occur.MUST)
        .add(REPORT_MEMO, BooleanClause.Occur.SHOULD).setMinimumNumberShouldMatch(1).build();
    assertEquals(List.of("body:\"report memo\""), leaves(MatchSetQuery.of(atLeastOne), PhraseQuery.class));
  }

  @Test
  void anExcludedClauseIsKeptAsItIs() {
    Query query = new BooleanQuery.Builder().add(or(OFFICE, LIAISON_OFFICE), BooleanClause.Occur.MUST)
        .add(REPORT_MEMO, BooleanClause.Occur.MUST_NOT).build();
    BooleanQuery counted = (BooleanQuery) MatchSetQuery.of(query);
    assertEquals(List.of(BooleanClause.Occur.FILTER, BooleanClause.Occur.MUST_NOT),
        counted.clauses().stream().map(BooleanClause::occur).toList());
    assertEquals(REPORT_MEMO, counted.clauses().get(1).query());
    assertEquals(OFFICE, counted.clauses().get(0).query());
  }

  @Test
  void aContentMatchCountsItsContentClausesOnly() {
    // The function word beside them is no match on its own: its postings are not read.
    Query particle = new TermQuery(new Term("body", "的"));
    Query query = new io.liaison.query.ContentMatchQuery(or(OFFICE, particle, LIAISON_OFFICE), List.of(OFFICE, LIAISON_OFFICE));
    Query counted = MatchSetQuery.of(new io.liaison.query.CoordinationQuery(query, List.of(OFFICE), 0.5f));
    assertEquals(List.of("body:office"), leaves(counted, TermQuery.class));
    assertEquals(List.of(), leaves(counted, PhraseQuery.class), "the phrase holds office: dropped as in any disjunction");
  }

  /** The leaf queries of this type, as strings, in the order a visitor meets them (excluded clauses too). */
  private static List<String> leaves(Query query, Class<? extends Query> type) {
    List<String> out = new ArrayList<>();
    query.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query q, Term... terms) {
        if (type.isInstance(q)) {
          out.add(q.toString());
        }
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }
    });
    return out;
  }

  @Test
  void aProximityClauseBesideItsConceptsIsDropped() {
    Query near = io.liaison.query.ConceptProximity.clause(Fields.BODY, org.apache.lucene.queries.intervals.Intervals.unordered(
        org.apache.lucene.queries.intervals.Intervals.term("liaison"), org.apache.lucene.queries.intervals.Intervals.term("office")), 2f);
    Query counted = MatchSetQuery.of(or(LIAISON, OFFICE, near));
    TermInSetQuery set = assertInstanceOf(TermInSetQuery.class, counted, counted.toString());
    assertEquals(List.of("liaison", "office", "联络"), terms(set));
  }

  @Test
  void aConceptSplitByScriptCountsItsConceptWithoutTaiwanFormsFlatAndTheFormsOnTraditionalPagesOnly() {
    Query withForm = new SynonymQuery.Builder(Fields.BODY).addTerm(new Term(Fields.BODY, "liaison"), 1f)
        .addTerm(new Term(Fields.BODY, "联络"), 0.5f).addTerm(new Term(Fields.BODY, "連絡"), 0.4f).build();
    Query counted = MatchSetQuery.of(or(TestQueries.splitByScript(LIAISON, withForm), OFFICE));
    BooleanQuery b = assertInstanceOf(BooleanQuery.class, counted, counted.toString());
    assertEquals(2, b.clauses().size(), counted.toString());
    // The concept without its Taiwan form joins the other words' terms, with no script clause.
    TermInSetQuery flat = assertInstanceOf(TermInSetQuery.class, b.clauses().get(0).query(), counted.toString());
    assertEquals(List.of("liaison", "office", "联络"), terms(flat));
    // Of the Traditional branch only the Taiwan form is left, on Traditional pages.
    BooleanQuery traditional = assertInstanceOf(BooleanQuery.class, b.clauses().get(1).query(), counted.toString());
    assertEquals(List.of(BooleanClause.Occur.FILTER, BooleanClause.Occur.FILTER),
        traditional.clauses().stream().map(BooleanClause::occur).toList());
    assertEquals(new TermQuery(new Term(Fields.BODY, "連絡")), traditional.clauses().get(0).query());
    assertEquals(new TermQuery(new Term(Fields.SCRIPT, io.liaison.analysis.ChineseScript.TRADITIONAL)),
        traditional.clauses().get(1).query());
  }

  @Test
  void aBranchForOtherPagesWithoutItsTraditionalPartnerIsKeptWhole() {
    Query notTraditional = ((BooleanQuery) TestQueries.splitByScript(LIAISON, LIAISON)).clauses().get(0).query();
    Query counted = MatchSetQuery.of(or(notTraditional, OFFICE));
    BooleanQuery b = assertInstanceOf(BooleanQuery.class, counted, counted.toString());
    assertEquals(2, b.clauses().size(), counted.toString());
    assertEquals(OFFICE, b.clauses().get(0).query());
    assertEquals(List.of(BooleanClause.Occur.FILTER, BooleanClause.Occur.MUST_NOT),
        assertInstanceOf(BooleanQuery.class, b.clauses().get(1).query()).clauses().stream().map(BooleanClause::occur).toList());
  }
}
