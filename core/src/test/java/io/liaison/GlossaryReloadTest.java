package io.liaison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.query.Alternative;
import io.liaison.search.Hit;
import io.liaison.search.SearchRequest;
import io.liaison.search.SearchResponse;
import io.liaison.search.Suggester;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade picks up glossary edits without reindexing, and keeps the old entries when an edit is malformed. */
class GlossaryReloadTest {
  @TempDir Path dir;
  Path index;
  Path glossary;

  @BeforeEach
  void indexTwoDocuments() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus/notes"));
    Files.writeString(corpus.resolve("en.txt"), "Zorblat Memo\nThe zorblat committee met on Tuesday.\n", StandardCharsets.UTF_8);
    Files.writeString(corpus.resolve("zh.txt"), "佐布拉特备忘录\n佐布拉特委员会星期二开会。\n", StandardCharsets.UTF_8);
    index = dir.resolve("index");
    // Without linking language versions: notes/zh.txt would then come with notes/en.txt whatever
    // the glossary says, and this test is about the glossary.
    new io.liaison.index.Indexer(io.liaison.index.Indexer.Options.of(dir.resolve("corpus"), index)).run();
    glossary = dir.resolve("glossary.tsv");
    Files.writeString(glossary, "# test glossary\n中国经济联络中心\tCECC\n", StandardCharsets.UTF_8);
  }

  /** Rewrites the glossary and moves its modification time on, so clock granularity cannot hide the edit. */
  private void rewrite(String text, int secondsLater) throws Exception {
    FileTime before = Files.getLastModifiedTime(glossary);
    Files.writeString(glossary, text, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(glossary, FileTime.fromMillis(before.toMillis() + secondsLater * 1000L));
  }

  private static List<String> alternatives(SearchResponse r) {
    return r.expansion().stream().flatMap(c -> c.alternatives().stream()).map(Alternative::text).toList();
  }

  private static List<String> ids(SearchResponse r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  @Test
  void anEditedGlossaryTranslatesTheNextSearchWithoutReindexing() throws Exception {
    try (Liaison liaison = Liaison.open(index, glossary)) {
      SearchResponse before = liaison.search(SearchRequest.of("zorblat"));
      assertFalse(alternatives(before).contains("佐布拉特"), alternatives(before).toString());
      assertEquals(List.of("notes/en.txt"), ids(before));

      rewrite("# test glossary\n中国经济联络中心\tCECC\n佐布拉特\tzorblat\n", 10);
      liaison.checkGlossary();

      SearchResponse after = liaison.search(SearchRequest.of("zorblat"));
      assertTrue(alternatives(after).contains("佐布拉特"), alternatives(after).toString());
      assertTrue(ids(after).containsAll(List.of("notes/en.txt", "notes/zh.txt")), ids(after).toString());
    }
  }

  @Test
  void aMalformedEditKeepsThePreviousEntriesAndTheSearchStillAnswers() throws Exception {
    try (Liaison liaison = Liaison.open(index, glossary)) {
      rewrite("佐布拉特\tzorblat\n", 10);
      liaison.checkGlossary();
      assertTrue(alternatives(liaison.search(SearchRequest.of("zorblat"))).contains("佐布拉特"));

      rewrite("佐布拉特\tzorblat\nonly-one-term\n", 20);
      liaison.checkGlossary();
      SearchResponse kept = liaison.search(SearchRequest.of("zorblat"));
      assertTrue(alternatives(kept).contains("佐布拉特"), "the previous glossary stays in use: " + alternatives(kept));

      // A later good edit is picked up again.
      rewrite("中国经济联络中心\tCECC\n", 30);
      liaison.checkGlossary();
      assertFalse(alternatives(liaison.search(SearchRequest.of("zorblat"))).contains("佐布拉特"));
    }
  }

  @Test
  void completionsFollowAnEditedGlossaryWithoutARebuild() throws Exception {
    try (Liaison liaison = Liaison.open(index, glossary);
        Suggester suggester = new Suggester(liaison.backend().openSuggestionIndex(), liaison::glossary)) {
      assertFalse(glossaryCompletions(suggester, "zorb").contains("佐布拉特"));
      rewrite("# test glossary\n中国经济联络中心\tCECC\n佐布拉特\tzorblat\n", 10);
      liaison.checkGlossary(); // what a search or a completion does every few seconds
      // No suggester.refresh(): that follows the index, and the index has not changed.
      assertEquals(Set.of("zorblat", "佐布拉特"), Set.copyOf(glossaryCompletions(suggester, "zorb")));
    }
  }

  private static List<String> glossaryCompletions(Suggester suggester, String prefix) throws Exception {
    return suggester.suggest(prefix, 10).stream().filter(x -> x.source().equals("glossary")).map(Suggester.Suggestion::text).toList();
  }

  @Test
  void anUnchangedFileIsNotReadAgain() throws Exception {
    try (Liaison liaison = Liaison.open(index, glossary)) {
      FileTime loaded = Files.getLastModifiedTime(glossary);
      // Same size and modification time: a check must not notice this edit.
      Files.writeString(glossary, "# test glossary\n佐布拉特\tzorblat\n" + "\n".repeat(9), StandardCharsets.UTF_8);
      assertEquals(Files.size(glossary), "# test glossary\n中国经济联络中心\tCECC\n".getBytes(StandardCharsets.UTF_8).length);
      Files.setLastModifiedTime(glossary, loaded);
      liaison.checkGlossary();
      assertFalse(alternatives(liaison.search(SearchRequest.of("zorblat"))).contains("佐布拉特"));
    }
  }
}
