package io.liaison.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metric values worked out by hand with trec_eval's definitions. */
class MetricsTest {
  @TempDir Path dir;

  private Map<String, Double> evaluate(String qrels, String run) throws Exception {
    Path q = Files.writeString(dir.resolve("qrels"), qrels);
    Path r = Files.writeString(dir.resolve("run"), run);
    return Metrics.evaluate(Qrels.read(q), Run.read(r));
  }

  @Test
  void reciprocalRankNdcgRecallAndSuccessOnTwoTopics() throws Exception {
    Map<String, Double> m = evaluate(
        "a 0 d1 1\na 0 d2 2\nb 0 d9 1\nb 0 d8 0\n",
        "a Q0 d5 1 3.0 t\na Q0 d2 2 2.0 t\na Q0 d7 3 1.0 t\nb Q0 d8 1 1.0 t\n");
    // a: first relevant at rank 2 -> RR 0.5; b: none -> 0.
    assertEquals(0.25, m.get("MRR@10"), 1e-9);
    // a: DCG = 2/log2(3); ideal = 2/log2(2) + 1/log2(3); b: 0.
    double a = (2 / log2(3)) / (2 + 1 / log2(3));
    assertEquals(a / 2, m.get("nDCG@10"), 1e-9);
    assertEquals(0.25, m.get("Recall@100"), 1e-9);
    assertEquals(0.5, m.get("Success@10"), 1e-9);
  }

  @Test
  void tiesAreBrokenByDocumentIdInReverseOrderLikeTrecEval() throws Exception {
    Map<String, Double> m = evaluate("a 0 d1 1\n", "a Q0 d1 1 1.0 t\na Q0 d2 2 1.0 t\n");
    assertEquals(0.5, m.get("MRR@10"), 1e-9, "the rank column is ignored; d2 sorts before d1 on a tie");
  }

  @Test
  void aTopicTheRunMissesCountsAsZero() throws Exception {
    assertEquals(0.5, evaluate("a 0 d1 1\nb 0 d2 1\n", "a Q0 d1 1 1.0 t\n").get("MRR@10"), 1e-9);
  }

  @Test
  void relevanceBelowTenIsNotCountedForMrr() throws Exception {
    StringBuilder run = new StringBuilder();
    for (int i = 1; i <= 11; i++) {
      run.append("a Q0 x").append(i).append(' ').append(i).append(' ').append(100 - i).append(" t\n");
    }
    Map<String, Double> m = evaluate("a 0 x11 1\n", run.toString());
    assertEquals(0.0, m.get("MRR@10"), 1e-9);
    assertEquals(1.0, m.get("Recall@100"), 1e-9);
  }

  @Test
  void malformedLinesNameTheirFileAndLine() throws Exception {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> evaluate("a 0 d1\n", ""));
    assertEquals(true, e.getMessage().contains(":1: expected 'qid 0 docid relevance'"), e.getMessage());
  }

  @Test
  void aRunLineWithMoreThanSixFieldsIsRefusedNotMisread() throws Exception {
    // An id with a space would make the rank column look like the score.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> evaluate("a 0 d1 1\n", "a Q0 d1 1 2.0 t\na Q0 my notes.txt 2 1.0 t\n"));
    assertTrue(e.getMessage().contains("run:2: expected the 6 fields"), e.getMessage());
    assertTrue(e.getMessage().contains("got 7"), e.getMessage());
  }

  @Test
  void idsWithWhitespaceOrPercentBecomeOneFieldAndOthersStayAsTheyAre() {
    assertEquals("en/ref/customizing_vim_with%20internal_features.txt",
        Run.trecId("en/ref/customizing_vim_with internal_features.txt"));
    assertEquals("a%09b%25c%E3%80%80d", Run.trecId("a\tb%c\u3000d"));
    String plain = "zh/经济联络.txt";
    assertSame(plain, Run.trecId(plain));
    assertEquals("q Q0 my%20notes.txt 3 1.500000 t", Run.line("q", "my notes.txt", 3, 1.5f, "t"));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
