package io.liaison.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Passages end at sentences and at blocks, and never inside a hard-wrapped paragraph. */
class BlockBreakIteratorTest {
  private static BlockBreakIterator iterator() {
    return new BlockBreakIterator(BreakIterator.getSentenceInstance(Locale.ROOT));
  }

  /** The text cut at each boundary, pieces stripped. */
  private static List<String> passages(String text) {
    BlockBreakIterator it = iterator();
    it.setText(text);
    List<String> out = new ArrayList<>();
    for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      out.add(text.substring(start, end).strip());
    }
    return out;
  }

  @Test
  void blocksOnLinesOfTheirOwnArePassages() {
    assertEquals(List.of("Harbour outlook", "Dredging resumed after the storm.", "Cranes", "Pilots"),
        passages("Harbour outlook\nDredging resumed after the storm.\nCranes\nPilots"));
    String unwrapped = "Dredging resumed after the storm and cargo volumes recovered steadily through the spring, "
        + "when the new cranes came into service and the pilots returned to a full roster of night shifts";
    assertEquals(List.of(unwrapped, "Cranes"), passages(unwrapped + "\nCranes"), "a line no one would wrap is a block");
    assertEquals(List.of("Outlook", "Dredging resumed", "Cranes"), passages("Outlook\r\n\r\nDredging resumed\f Cranes"));
  }

  @Test
  void wrappedLinesStayTogetherInEnglishAndChinese() {
    String wrapped = """
        The harbour authority dredged the main channel through the winter so
        that larger container ships could berth, and cargo volumes recovered
        steadily once the new cranes were working.""";
    assertEquals(List.of(wrapped), passages(wrapped));
    // Forty-seven Chinese characters are 94 columns: wrapped there, as a wrapper may cut between any two.
    String chinese = "港务局在冬季疏浚了主航道使更大的集装箱船能够靠泊货运量随着新起重机投入使用而稳步回升港口的夜班\n也恢复了正常";
    assertEquals(List.of(chinese), passages(chinese));
    assertEquals(List.of("港口展望", chinese), passages("港口展望\n" + chinese));
  }

  @Test
  void precedingAndFollowingAgreeWithIteration() {
    String text = "Harbour outlook\nDredging resumed. Cargo recovered\n\nThe channel was dredged through the winter so that\n"
        + "larger ships could berth.";
    BlockBreakIterator it = iterator();
    it.setText(text);
    List<Integer> boundaries = new ArrayList<>();
    for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
      boundaries.add(b);
    }
    assertEquals(List.of(0, 16, 34, 51, text.length()), boundaries);
    for (int offset = 0; offset < text.length(); offset++) {
      int o = offset;
      int after = boundaries.stream().filter(b -> b > o).findFirst().orElseThrow();
      int before = offset == 0 ? BreakIterator.DONE : boundaries.stream().filter(b -> b < o).reduce((a, b) -> b).orElseThrow();
      assertEquals(after, it.following(offset), "following " + offset);
      assertEquals(before, it.preceding(offset), "preceding " + offset);
    }
  }
}
