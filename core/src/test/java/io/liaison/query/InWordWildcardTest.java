package io.liaison.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.Liaison;
import io.liaison.index.Fields;
import io.liaison.lexicon.Glossary;
import io.liaison.lexicon.Lexicon;
import io.liaison.search.Hit;
import io.liaison.search.SearchRequest;
import io.liaison.search.SearchResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wildcard inside an English word finds the words it spells, although the index holds their
 * Porter stems: economic is indexed as {@code econom}, which {@code econom?c} does not match.
 */
class InWordWildcardTest {
  @TempDir static Path dir;
  static Liaison liaison;

  @BeforeAll
  static void index() throws Exception {
    Path corpus = dir.resolve("corpus");
    Files.createDirectories(corpus);
    Files.writeString(corpus.resolve("economic.txt"), "Outlook\nThe economic outlook for the region improved this year.\n");
    Files.writeString(corpus.resolve("organisation.txt"), "Members\nThe organisation admits new members every spring.\n");
    Files.writeString(corpus.resolve("classes.txt"), "Timetable\nEvening classes start in March.\n");
    Files.writeString(corpus.resolve("weather.txt"), "Weather\nRain is expected along the coast tomorrow.\n");
    Liaison.index(corpus, dir.resolve("index"));
    liaison = Liaison.open(dir.resolve("index"));
  }

  @AfterAll
  static void close() throws Exception {
    liaison.close();
  }

  private static List<String> ids(String query) throws Exception {
    return liaison.search(SearchRequest.of(query)).hits().stream().map(Hit::id).sorted().toList();
  }

  @Test
  void aWildcardInsideAWordFindsTheWordsItSpells() throws Exception {
    assertEquals(List.of("economic.txt"), ids("econom?c"));
    assertEquals(List.of("economic.txt"), ids("econom*c"));
    assertEquals(List.of("organisation.txt"), ids("organi?ation"));
    assertEquals(List.of("organisation.txt"), ids("title:members OR ORGANI?ATION"), "upper case, beside other clauses");
    SearchResponse r = liaison.search(SearchRequest.of("econom?c"));
    assertTrue(String.join(" ", r.hits().get(0).snippets()).contains("<mark>economic</mark>"), r.hits().toString());
  }

  @Test
  void aPatternThatMatchesThousandsOfWordsIsSearchedAsTypedAndStillAnswers() throws Exception {
    CharacterRunAutomaton cs = new CharacterRunAutomaton(WildcardQuery.toAutomaton(new Term(Fields.BODY, "c*s"), 10_000));
    int words = Lexicon.defaultLexicon().englishWords("c", cs, 10 * WildcardWords.MAX_WORDS).size();
    assertTrue(words > 2 * WildcardWords.MAX_WORDS, "the dictionary has thousands of c*s words: " + words);
    LiaisonQueryParser parser = new LiaisonQueryParser(Fields.analyzer(true),
        new QueryTranslator(Fields.analyzer(true), Lexicon.defaultLexicon(), Glossary::empty, AliasTable::empty), true, Set.of(), 2f);
    assertEquals("body:c*s", parser.parseQuery("body:c*s").toString(), "over the bound: the pattern as typed");
    // As typed it finds the stems it fits (classes is indexed as class), beside a pattern that expands.
    assertEquals(List.of("classes.txt", "economic.txt"), ids("c*s OR econom?c"));
  }
}
