package io.liaison.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class PassageRankingTest {
  @Test
  void scoresEqualLucenesDefaultToTheBit() {
    PassageScorer lucene = new PassageScorer();
    PassageRanking ours = new PassageRanking();
    String[] words = {"文件", "file", "files", "系统", "system", "mount", "挂载", "权限"};
    Random random = new Random(42);
    for (int n = 0; n < 50_000; n++) {
      Passage p = new Passage();
      int start = random.nextInt(5000);
      p.setStartOffset(start);
      p.setEndOffset(Integer.MAX_VALUE); // addMatch asserts matches fall inside; the real end is set below
      int at = start;
      int matches = random.nextInt(n % 100 == 0 ? 120 : 12); // now and then past the linear-scan limit
      for (int i = 0; i < matches; i++) {
        at += 1 + random.nextInt(20);
        // Equal terms arrive as different BytesRef objects, and with different doc frequencies.
        BytesRef term = new BytesRef(words[random.nextInt(words.length)]);
        p.addMatch(at, at + term.length, term, 1 + random.nextInt(50));
      }
      p.setEndOffset(at + random.nextInt(200) + 1);
      int contentLength = p.getEndOffset() + random.nextInt(10_000);
      assertEquals(Float.floatToIntBits(lucene.score(p, contentLength)), Float.floatToIntBits(ours.score(p, contentLength)),
          p.toString());
    }
  }
}
