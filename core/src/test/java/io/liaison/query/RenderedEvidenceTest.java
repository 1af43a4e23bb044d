package io.liaison.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.index.Fields;
import io.liaison.lexicon.Glossary;
import io.liaison.lexicon.Lexicon;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/** The query's own words searched in the pages' renderings ({@link LiaisonQueryParser#withRendered}). */
class RenderedEvidenceTest {
  static final Analyzer analyzer = Fields.analyzer(true);
  static final QueryTranslator translator =
      new QueryTranslator(analyzer, Lexicon.defaultLexicon(), Glossary::empty, AliasTable::empty);

  static LiaisonQueryParser parser(boolean translate, Ablation... off) {
    Set<Ablation> ablations = off.length == 0 ? Set.of() : EnumSet.of(off[0], off);
    return new LiaisonQueryParser(analyzer, translator, translate, ablations, 2f);
  }

  /** The rendered field's terms in the query that {@code withRendered} made of {@code parsed}, after checking its shape. */
  static List<String> renderedTerms(Query withRendered, Query parsed) {
    BooleanQuery top = assertInstanceOf(BooleanQuery.class, withRendered);
    assertEquals(2, top.clauses().size(), top.toString());
    assertSame(parsed, top.clauses().get(0).query());
    assertEquals(BooleanClause.Occur.MUST, top.clauses().get(0).occur(), "the hits are the query's own");
    assertEquals(BooleanClause.Occur.SHOULD, top.clauses().get(1).occur());
    BoostQuery boost = assertInstanceOf(BoostQuery.class, top.clauses().get(1).query());
    assertEquals(LiaisonQueryParser.RENDERED_WEIGHT, boost.getBoost());
    BooleanQuery words = assertInstanceOf(BooleanQuery.class, boost.getQuery());
    return words.clauses().stream().map(c -> {
      assertEquals(BooleanClause.Occur.SHOULD, c.occur());
      TermQuery t = assertInstanceOf(TermQuery.class, c.query());
      assertEquals(Fields.RENDERED, t.getTerm().field());
      return t.getTerm().text();
    }).toList();
  }

  @Test
  void theQuerysOwnWordsAreSearchedInTheRenderingsBesideItsTranslation() {
    LiaisonQueryParser p = parser(true);
    Query parsed = p.parseQuery("经济联络");
    assertEquals(List.of("经济", "联络"), renderedTerms(p.withRendered(parsed), parsed));
    // Traditional input folds as the index folds the pages' Chinese renderings.
    LiaisonQueryParser t = parser(true);
    Query traditional = t.parseQuery("經濟聯絡");
    assertEquals(List.of("经济", "联络"), renderedTerms(t.withRendered(traditional), traditional));
    // Plain text, as topics are run, too.
    LiaisonQueryParser plain = parser(true);
    Query q = plain.parsePlain("economic liaison");
    assertEquals(List.of("econom", "liaison"), renderedTerms(plain.withRendered(q), q));
  }

  @Test
  void withoutTranslationOrUnderItsAblationTheQueryIsLeftAlone() {
    LiaisonQueryParser off = parser(false);
    Query q = off.parseQuery("经济联络");
    assertSame(q, off.withRendered(q));
    LiaisonQueryParser ablated = parser(true, Ablation.DOCUMENTS);
    Query a = ablated.parseQuery("经济联络");
    assertSame(a, ablated.withRendered(a));
    assertEquals(Ablation.DOCUMENTS, Ablation.parse("documents"));
  }

  @Test
  void excludedWordsAndFunctionWordsEarnNothing() {
    LiaisonQueryParser p = parser(true);
    Query parsed = p.parseQuery("economic liaison -office -\"trade fair\" (center -harbour)");
    List<String> terms = renderedTerms(p.withRendered(parsed), parsed);
    assertEquals(List.of("econom", "liaison", "center"), terms);
    LiaisonQueryParser zh = parser(true);
    Query question = zh.parseQuery("联络的中心在哪里");
    List<String> words = renderedTerms(zh.withRendered(question), question);
    assertTrue(words.containsAll(List.of("联络", "中心")), words.toString());
    assertFalse(words.contains("的"), words.toString());
    assertFalse(words.contains("在"), words.toString());
  }

  @Test
  void onlyTheWordsOfTheQuerysOwnLanguageAreSearched() {
    // A Chinese question's English word would meet the English renderings of Chinese pages.
    LiaisonQueryParser zh = parser(true);
    Query question = zh.parseQuery("如何用 grep 搜索文件内容");
    List<String> words = renderedTerms(zh.withRendered(question), question);
    assertFalse(words.contains("grep"), words.toString());
    assertTrue(words.contains("搜索"), words.toString());
    LiaisonQueryParser en = parser(true);
    Query english = en.parseQuery("search files with the 经济 tool");
    List<String> terms = renderedTerms(en.withRendered(english), english);
    assertFalse(terms.contains("经济"), terms.toString());
    assertTrue(terms.contains("search"), terms.toString());
  }

  @Test
  void aQueryOfExcludedWordsOnlyIsLeftAlone() {
    LiaisonQueryParser p = parser(true);
    Query parsed = p.parseQuery("-liaison");
    assertSame(parsed, p.withRendered(parsed));
  }
}
