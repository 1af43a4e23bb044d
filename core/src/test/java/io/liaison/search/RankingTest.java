package io.liaison.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liaison.Liaison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankingTest {
  @TempDir Path dir;

  @Test
  void equalScoresAreOrderedByIdWhateverTheIndexOrder() throws Exception {
    Path corpus = dir.resolve("corpus");
    Files.createDirectories(corpus);
    // Same text, so the same score; indexed one run at a time in the reverse of id order, so the
    // index holds them as d, c, b, a.
    for (String name : List.of("d.txt", "c.txt", "b.txt", "a.txt")) {
      Files.writeString(corpus.resolve(name), "Liaison memo\nThe liaison office met the delegation.\n");
      Liaison.index(corpus, dir.resolve("index"));
    }
    try (Liaison liaison = Liaison.open(dir.resolve("index"))) {
      SearchResponse r = liaison.search(SearchRequest.of("liaison"));
      assertEquals(List.of("a.txt", "b.txt", "c.txt", "d.txt"), r.hits().stream().map(Hit::id).toList());
      assertEquals(1, r.hits().stream().map(Hit::score).distinct().count(), r.hits().toString());
      SearchResponse second = liaison.search(SearchRequest.of("liaison").withPage(2).withLimit(2));
      assertEquals(List.of("c.txt", "d.txt"), second.hits().stream().map(Hit::id).toList());
    }
  }
}
