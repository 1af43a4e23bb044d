package io.liaison.search;

import io.liaison.ingest.LineBreaks;
import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;

/**
 * Where snippet passages may end: the boundaries of a sentence iterator, and the ends of blocks.
 *
 * <p>Ingest puts each block of an HTML or Markdown page (heading, paragraph, list item, table
 * row) on a line of its own, and plain text parts its paragraphs with blank lines, but a sentence
 * iterator breaks at neither: a heading has no full stop, so it ran into the paragraph under it
 * ({@code Economic outlook Growth slowed ...}). Breaking at every line break would cut text that
 * is hard-wrapped (plain text, Markdown, PDF text layers), whose lines are pieces of sentences. So
 * a line break ends a passage when
 *
 * <ul>
 *   <li>a blank line, a form feed or a paragraph separator follows it;
 *   <li>the line before it is wider than {@value #WIDEST_WRAP} columns: no one wraps text that
 *       wide, so it is a block (an HTML paragraph, an unwrapped paragraph of plain text); or
 *   <li>the line before it stops well short of the width of the text: the next line's first word
 *       would have fit on it with a quarter of that width to spare. A wrapper, a program or a
 *       person, fills a line until the next word does not fit, so a wrapped line never passes,
 *       while a heading, or the last line of a paragraph, above a longer line does. The width is that of
 *       the longer of the two lines, and at least {@value #MIN_WIDTH} columns, so that short
 *       lines in a row (list items, table rows) are blocks too, while text wrapped at 30 to
 *       {@value #WIDEST_WRAP} columns is never cut.
 * </ul>
 *
 * Other line breaks join their lines, as before. Widths are in columns, a Chinese or other wide
 * character counting two and a tab reaching the next multiple of eight, as a wrapper counts them.
 * The blocks of a text are found in one pass when it is set. Not thread-safe, like every break
 * iterator: the highlighter makes one per field it highlights.
 */
final class BlockBreakIterator extends BreakIterator {
  /** The narrowest width a text is taken to have, in columns. */
  static final int MIN_WIDTH = 40;
  /**
   * The widest line taken to be wrapped, in columns: editors wrap at 70 to 80, code styles at up
   * to 120, and the text layer of a portrait PDF page is narrower still.
   */
  static final int WIDEST_WRAP = 160;

  private BreakIterator sentences;
  /** Where blocks start, ascending: the start of a line that follows a block's end. */
  private int[] blocks = new int[16];
  private int blockCount;
  private int begin;
  private int end;
  private int current;
  /** The text set, its first character at {@link #begin}. */
  private String text;
  /** The text as set, which {@link #getText} returns. */
  private CharacterIterator whole;
  /** The block {@link #sentences} is set to, as offsets; -1 when none. */
  private int blockStart = -1;
  private int blockEnd = -1;

  /** @param sentences the iterator whose boundaries are kept, such as a sentence instance */
  BlockBreakIterator(BreakIterator sentences) {
    this.sentences = sentences;
    setText("");
  }

  @Override
  public void setText(String text) {
    setText(text, new StringCharacterIterator(text), 0);
  }

  @Override
  public void setText(CharacterIterator text) {
    StringBuilder s = new StringBuilder(text.getEndIndex() - text.getBeginIndex());
    for (char c = text.first(); c != CharacterIterator.DONE; c = text.next()) {
      s.append(c);
    }
    text.first();
    setText(s.toString(), text, text.getBeginIndex());
  }

  private void setText(String text, CharacterIterator whole, int base) {
    this.text = text;
    this.whole = whole;
    blockStart = -1;
    blockEnd = -1;
    blocks(text, base);
  }

  @Override
  public CharacterIterator getText() {
    return whole;
  }

  @Override
  public int first() {
    return current = begin;
  }

  @Override
  public int last() {
    return current = end;
  }

  @Override
  public int current() {
    return current;
  }

  @Override
  public int next() {
    return current >= end ? DONE : following(current);
  }

  @Override
  public int previous() {
    return current <= begin ? DONE : preceding(current);
  }

  @Override
  public int next(int n) {
    int result = current;
    for (int i = 0; i < n && result != DONE; i++) {
      result = next();
    }
    for (int i = 0; i > n && result != DONE; i--) {
      result = previous();
    }
    return result;
  }

  @Override
  public int following(int offset) {
    int i = firstBlockAfter(offset);
    int block = i < blockCount ? blocks[i] : DONE;
    int sentence = fromBlock(inBlock(i - 1).following(offset - begin));
    int boundary = sentence == DONE ? block : block == DONE ? sentence : Math.min(sentence, block);
    current = boundary == DONE ? end : boundary;
    return boundary;
  }

  @Override
  public int preceding(int offset) {
    int i = firstBlockAfter(offset - 1) - 1; // the last block start before offset
    int block = i >= 0 ? blocks[i] : DONE;
    int sentence = fromBlock(inBlock(i).preceding(offset - begin));
    int boundary = Math.max(sentence, block); // DONE is -1, below every offset
    current = boundary == DONE ? begin : boundary;
    return boundary;
  }

  /**
   * The sentence iterator set to block {@code i} alone (-1: the text before the first block start),
   * in offsets from {@link #begin}. A block start is a boundary whatever the sentences say, so
   * their boundaries inside a block are all that is asked of them. Set to the whole text, the
   * JDK's iterator read across blocks and cut at their edges: "work|." before a list item in
   * Chinese, a boundary after a line's indent as well as before it (on 2 000 documents of the
   * benchmark corpus, 615 passages of punctuation alone, 152 now). And each of its {@code
   * preceding} calls scanned back over the text, 10-15 % of a monolingual search's CPU; now it
   * scans no further than the block.
   */
  private BreakIterator inBlock(int i) {
    int from = i >= 0 ? blocks[i] : begin;
    int to = i + 1 < blockCount ? blocks[i + 1] : end;
    if (from != blockStart || to != blockEnd) {
      sentences.setText(new StringCharacterIterator(text, from - begin, to - begin, from - begin));
      blockStart = from;
      blockEnd = to;
    }
    return sentences;
  }

  /** A boundary of {@link #inBlock}'s iterator as an offset of the text set; DONE stays DONE. */
  private int fromBlock(int boundary) {
    return boundary == DONE ? DONE : boundary + begin;
  }

  @Override
  public BlockBreakIterator clone() {
    BlockBreakIterator copy = (BlockBreakIterator) super.clone();
    copy.sentences = (BreakIterator) sentences.clone();
    copy.blocks = blocks.clone();
    copy.whole = (CharacterIterator) whole.clone();
    return copy;
  }

  /** The index in {@link #blocks} of the first block start after {@code offset}. */
  private int firstBlockAfter(int offset) {
    int lo = 0;
    int hi = blockCount;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (blocks[mid] <= offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Finds the block starts of {@code text}, whose first character is at offset {@code base}. */
  private void blocks(String text, int base) {
    begin = base;
    end = base + text.length();
    current = begin;
    blockCount = 0;
    int previousEnd = -1; // where the last non-blank line's text ends (trailing spaces left out), or -1
    int previousStart = 0;
    boolean blankBetween = false; // a blank line, form feed or paragraph separator since that line
    int lineStart = 0;
    while (lineStart <= text.length()) {
      int next = LineBreaks.next(text, lineStart);
      int lineEnd = next < 0 ? text.length() : next;
      int contentEnd = trimEnd(text, lineStart, lineEnd);
      if (contentEnd > lineStart) { // not blank
        if (previousEnd >= 0 && (blankBetween || endsBlock(text, previousStart, previousEnd, lineStart, contentEnd))) {
          add(base + lineStart);
        }
        previousStart = lineStart;
        previousEnd = contentEnd;
        blankBetween = false;
      } else if (previousEnd >= 0) {
        blankBetween = true;
      }
      if (lineEnd == text.length()) {
        break;
      }
      char c = text.charAt(lineEnd);
      if (c == '\f' || c == '\u2029') {
        blankBetween = true; // a page or paragraph ends here, whatever the lines look like
      }
      lineStart = LineBreaks.after(text, lineEnd);
    }
  }

  private void add(int offset) {
    if (blockCount == blocks.length) {
      blocks = Arrays.copyOf(blocks, blockCount * 2);
    }
    blocks[blockCount++] = offset;
  }

  /**
   * Whether the line {@code [start, end)} ends a block rather than being wrapped before the line
   * {@code [nextStart, nextEnd)}: that line's first word would have fit on it with a quarter of
   * the width to spare.
   */
  private static boolean endsBlock(String text, int start, int end, int nextStart, int nextEnd) {
    int line = columns(text, start, end);
    int next = columns(text, nextStart, nextEnd);
    if (line > WIDEST_WRAP) {
      return true;
    }
    int width = Math.max(MIN_WIDTH, Math.max(line, next));
    return 4 * (line + 1 + firstWordColumns(text, nextStart, nextEnd)) <= 3 * width;
  }

  /**
   * The width of the first piece of {@code [start, end)} a wrapper cannot split: up to a space,
   * after a hyphen, or a single wide character (Chinese breaks between any two).
   */
  private static int firstWordColumns(String text, int start, int end) {
    int i = start;
    while (i < end && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    int columns = 0;
    while (i < end) {
      int c = text.codePointAt(i);
      if (Character.isWhitespace(c)) {
        break;
      }
      if (isWide(c)) {
        return columns == 0 ? 2 : columns;
      }
      columns++;
      i += Character.charCount(c);
      if (c == '-') {
        break;
      }
    }
    return columns;
  }

  /** The columns {@code [start, end)} takes on a terminal. */
  private static int columns(String text, int start, int end) {
    int columns = 0;
    for (int i = start; i < end; ) {
      int c = text.codePointAt(i);
      columns = c == '\t' ? (columns / 8 + 1) * 8 : columns + (isWide(c) ? 2 : 1);
      i += Character.charCount(c);
    }
    return columns;
  }

  /** East Asian wide and full-width characters (Hangul, CJK, kana, full-width forms), as wcwidth counts them. */
  private static boolean isWide(int c) {
    return c >= 0x1100
        && (c <= 0x115F
            || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F)
            || (c >= 0xAC00 && c <= 0xD7A3)
            || (c >= 0xF900 && c <= 0xFAFF)
            || (c >= 0xFE30 && c <= 0xFE6F)
            || (c >= 0xFF00 && c <= 0xFF60)
            || (c >= 0xFFE0 && c <= 0xFFE6)
            || (c >= 0x20000 && c <= 0x3FFFD));
  }

  private static int trimEnd(String text, int start, int end) {
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }
}
