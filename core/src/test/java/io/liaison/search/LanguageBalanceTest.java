package io.liaison.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liaison.search.LanguageBalance.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageBalanceTest {
  private static Candidate<String> hit(String id, String lang, float score) {
    return new Candidate<>(id, id, lang, score);
  }

  private static List<String> ids(List<Candidate<String>> merged) {
    return merged.stream().map(Candidate::item).toList();
  }

  @Test
  void aListInOneLanguageKeepsItsOrderAndScores() {
    List<Candidate<String>> in = List.of(hit("a", "zh", 9f), hit("b", "mixed", 7f), hit("c", "zh", 3f));
    assertEquals(in, LanguageBalance.merge(in), "zh and mixed are one group: both hold Chinese text");
  }

  @Test
  void theOtherLanguagesBestHitDrawsLevelWithTheBestHitOverall() {
    // An English query: its English hits score through the words as typed, the Chinese ones
    // through translations, lower.
    List<Candidate<String>> in = List.of(
        hit("en1", "en", 10f), hit("en2", "en", 9f), hit("en3", "en", 8f),
        hit("zh1", "zh", 6f), hit("zh2", "mixed", 4.5f), hit("zh3", "zh", 3f));
    List<Candidate<String>> merged = LanguageBalance.merge(in);
    // Chinese scores times 10/6: 10, 7.5, 5. On equal scores the higher raw score goes first.
    assertEquals(List.of("en1", "zh1", "en2", "en3", "zh2", "zh3"), ids(merged));
    assertEquals(10f, merged.get(1).score(), 1e-5f);
    assertEquals(10f, merged.get(0).score(), 1e-5f, "the leading language's scores are unchanged");
    assertEquals(7.5f, merged.get(4).score(), 1e-5f);
  }

  @Test
  void onEqualMergedScoresTheHigherRawScoreGoesFirstThenTheLowerId() {
    List<Candidate<String>> in = List.of(
        hit("z", "zh", 8f), hit("y", "zh", 4f), hit("b", "en", 4f), hit("a", "en", 2f));
    // English lifted twofold: b (4 → 8) ties z, which scored 8 as it was; a (2 → 4) ties y (4).
    assertEquals(List.of("z", "b", "y", "a"), ids(LanguageBalance.merge(in)));
    List<Candidate<String>> sameRaw = List.of(hit("z", "zh", 8f), hit("b", "en", 4f), hit("a", "en", 4f));
    assertEquals(List.of("z", "a", "b"), ids(LanguageBalance.merge(sameRaw)), "then the lower id");
  }

  @Test
  void aWeakIncidentalMatchInTheOtherLanguageIsLiftedAtMostTwofold() {
    List<Candidate<String>> in = List.of(
        hit("en1", "en", 10f), hit("en2", "en", 7f), hit("en3", "en", 5f), hit("zh1", "zh", 3f), hit("zh2", "zh", 1f));
    List<Candidate<String>> merged = LanguageBalance.merge(in);
    assertEquals(List.of("en1", "en2", "zh1", "en3", "zh2"), ids(merged));
    assertEquals(6f, merged.get(2).score(), 1e-5f, "3 lifted by 2, not to 10");
  }

  @Test
  void withinALanguageTheOrderNeverChanges() {
    List<Candidate<String>> in = List.of(
        hit("e1", "en", 5f), hit("z1", "zh", 4.9f), hit("e2", "en", 4f), hit("z2", "zh", 1f), hit("e3", "en", 0.5f));
    List<String> merged = ids(LanguageBalance.merge(in));
    assertEquals(List.of("e1", "e2", "e3"), merged.stream().filter(s -> s.startsWith("e")).toList());
    assertEquals(List.of("z1", "z2"), merged.stream().filter(s -> s.startsWith("z")).toList());
  }

}
