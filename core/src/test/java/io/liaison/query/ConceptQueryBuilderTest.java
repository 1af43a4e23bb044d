package io.liaison.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.liaison.index.Fields;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.junit.jupiter.api.Test;

class ConceptQueryBuilderTest {
  private static final ConceptQueryBuilder BUILDER = new ConceptQueryBuilder(Fields.analyzer(true), Set.of(), 2f);

  private static Concept concept(String text, boolean phrase) {
    return new Concept(text, List.of(new Alternative(text, 1f, Origin.QUERY, List.of())), phrase);
  }

  @Test
  void aPhraseConceptStaysOptionalWhenTheWordsAreRequired() {
    BooleanQuery q = assertInstanceOf(BooleanQuery.class, BUILDER.build(List.of(Fields.BODY),
        List.of(concept("belt", false), concept("road", false), concept("belt and road", true)), BooleanClause.Occur.MUST, 0));
    assertEquals(List.of(BooleanClause.Occur.MUST, BooleanClause.Occur.MUST, BooleanClause.Occur.SHOULD),
        q.clauses().stream().map(BooleanClause::occur).toList());
  }
}
