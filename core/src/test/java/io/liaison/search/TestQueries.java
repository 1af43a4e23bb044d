package io.liaison.search;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/** Query shapes the search tests build. */
final class TestQueries {
  private TestQueries() {}

  /** A disjunction of the clauses, each optional. */
  static Query or(Query... clauses) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query q : clauses) {
      b.add(q, BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }
}
