package io.liaison.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.liaison.index.Fields;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

class ConceptQueryBuilderTest {
  private static final ConceptQueryBuilder BUILDER = new ConceptQueryBuilder(Fields.analyzer(true), Set.of(), 2f);

  private static Concept concept(String text, boolean phrase) {
    return new Concept(text, List.of(new Alternative(text, 1f, Origin.QUERY, List.of())), phrase);
  }

  private static Concept phrase(String text, String translation) {
    return new Concept(text, List.of(new Alternative(text, 1f, Origin.QUERY, List.of()),
        new Alternative(translation, 0.5f, Origin.GLOSSARY, List.of())), true);
  }

  @Test
  void aPhraseConceptSearchesOnlyItsTranslations() {
    Query q = BUILDER.inField(Fields.BODY, phrase("belt and road", "一带一路"), 0);
    assertEquals("(body:\"一 带 一 路\")^0.5", q.toString());
    assertNull(BUILDER.inField(Fields.BODY, concept("belt and road", true), 0), "no translation, nothing to add");
  }

  @Test
  void aPhraseConceptStaysOptionalWhenTheWordsAreRequired() {
    BooleanQuery q = assertInstanceOf(BooleanQuery.class, BUILDER.build(List.of(Fields.BODY),
        List.of(concept("belt", false), concept("road", false), phrase("belt and road", "一带一路")), BooleanClause.Occur.MUST, 0));
    assertEquals(List.of(BooleanClause.Occur.MUST, BooleanClause.Occur.MUST, BooleanClause.Occur.SHOULD),
        q.clauses().stream().map(BooleanClause::occur).toList());
  }
}
