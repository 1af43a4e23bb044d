package io.liaison.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
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

  /**
   * A block's closing full stop stays with its sentence. Over the whole text the JDK's sentence
   * iterator cut "work" from its "." when a list item in Chinese followed, leaving passages of a
   * lone full stop and of nothing; each block is now broken into sentences on its own.
   */
  @Test
  void aFullStopStaysWithItsSentence() {
    assertEquals(List.of("A list for reading port notices on dredging work.", "- **疏浚 (dredging)**: clearing a channel."),
        passages("A list for reading port notices on dredging work.\n\n- **疏浚 (dredging)**: clearing a channel."));
  }

  /** No passage of the sample corpus's text and Markdown files is empty or punctuation alone. */
  @Test
  void everyPassageOfTheSampleCorpusHoldsAWord() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("index-data/corpus"))) {
      files = walk.filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".md")).sorted().toList();
    }
    assertTrue(files.size() > 20, "the sample corpus's text files: " + files.size());
    int passages = 0;
    for (Path f : files) {
      for (String p : passages(Files.readString(f))) {
        assertTrue(p.codePoints().anyMatch(Character::isLetterOrDigit), () -> f + ": passage '" + p + "'");
        passages++;
      }
    }
    assertTrue(passages > 300, "passages: " + passages);
  }

  /** Set through a character iterator whose text starts past 0, the boundaries are its offsets. */
  @Test
  void aCharacterIteratorsOffsetsAreKept() {
    String text = "Outlook\nDredging resumed. Cargo recovered.";
    BlockBreakIterator it = iterator();
    it.setText(new StringCharacterIterator("xxxxx" + text, 5, 5 + text.length(), 5));
    List<Integer> boundaries = new ArrayList<>();
    for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
      boundaries.add(b);
    }
    assertEquals(List.of(5, 13, 31, 5 + text.length()), boundaries);
    assertEquals(13, it.preceding(31));
    assertEquals(5 + text.length(), it.following(31));
  }
}
