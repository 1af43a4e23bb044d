package io.liaison.search;

import io.liaison.analysis.ChineseScript;
import io.liaison.index.Fields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** Query shapes the search tests build. */
final class TestQueries {
  private TestQueries() {}

  /**
   * A concept split by script, as {@code ConceptQueryBuilder.inField} builds it: {@code elsewhere}
   * (the concept without its Taiwan forms) on pages not in Traditional script, {@code traditional}
   * (with them) on Traditional pages.
   */
  static Query splitByScript(Query elsewhere, Query traditional) {
    Query isTraditional = new TermQuery(new Term(Fields.SCRIPT, ChineseScript.TRADITIONAL));
    return or(
        new BooleanQuery.Builder().add(elsewhere, BooleanClause.Occur.MUST)
            .add(isTraditional, BooleanClause.Occur.MUST_NOT).build(),
        new BooleanQuery.Builder().add(traditional, BooleanClause.Occur.MUST)
            .add(isTraditional, BooleanClause.Occur.FILTER).build());
  }

  /** A disjunction of the clauses, each optional. */
  static Query or(Query... clauses) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query q : clauses) {
      b.add(q, BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }
}
