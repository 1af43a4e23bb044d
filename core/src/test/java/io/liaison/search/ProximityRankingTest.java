package io.liaison.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.Liaison;
import io.liaison.query.Ablation;
import io.liaison.query.ConceptProximity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Neighbouring query words found close together in a page, in any translation, rank it higher. */
class ProximityRankingTest {
  @TempDir Path dir;

  @Test
  void aPageThatUsesTheTranslationsTogetherRanksAboveOneThatUsesThemApart() throws Exception {
    Path corpus = dir.resolve("corpus");
    Files.createDirectories(corpus);
    // The same words, once each, in pages of the same length: only the distance between 设置
    // (set) and 时间 (time) differs, next to each other in one page and eleven words apart in the
    // other. Commas keep SmartCN from joining the words differently in the two pages.
    Files.writeString(corpus.resolve("together.txt"), "时钟\n设置，时间，程序，硬件，文件，日志，结果，管理员，确认，读取，保存，网络。\n");
    Files.writeString(corpus.resolve("apart.txt"), "时钟\n设置，程序，硬件，文件，日志，结果，管理员，确认，读取，保存，网络，时间。\n");
    Liaison.index(corpus, dir.resolve("index"));
    try (Liaison liaison = Liaison.open(dir.resolve("index"))) {
      Map<String, Float> with = scores(liaison.search(SearchRequest.of("set the time")));
      Map<String, Float> without = scores(liaison.search(SearchRequest.of("set the time").withAblations(Set.of(Ablation.PROXIMITY))));
      assertEquals(Set.of("together.txt", "apart.txt"), with.keySet());
      assertEquals(without.get("together.txt"), without.get("apart.txt"), 1e-6f,
          "without proximity the two pages are alike: " + without);
      assertTrue(with.get("together.txt") > with.get("apart.txt") + 0.1f, with.toString());
      assertEquals(without.get("apart.txt"), with.get("apart.txt"), 1e-6f, "apart gains nothing: " + with);
      // One pair (set, time), found together once: the clause's whole weight, not a share of it
      // that grows with the number of windows.
      assertEquals(ConceptProximity.pairWeight(1), with.get("together.txt") - without.get("together.txt"), 1e-4f, with.toString());
    }
  }

  private static Map<String, Float> scores(SearchResponse r) {
    return r.hits().stream().collect(Collectors.toMap(Hit::id, Hit::score));
  }
}
