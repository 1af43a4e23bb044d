package io.liaison.ingest;

/**
 * Text assembled block by block, one line per block.
 *
 * <p>A line break goes between blocks, never two in a row and never at the start, and a line keeps
 * no spaces at its end. Markup formats are flattened through it so that the words of neighbouring
 * blocks stay apart, the first line is the first block (the title when the file names none) and the
 * highlighter's sentence breaks fall between blocks. Not thread-safe: one per document.
 */
final class BlockText {
  private final StringBuilder text = new StringBuilder();

  /** Appends text as it is. */
  void append(CharSequence s) {
    text.append(s);
  }

  /**
   * Appends text whose whitespace runs are already single spaces, leaving out its leading space at
   * the start of a line or after another space, as a browser lays out inline text.
   */
  void appendCollapsed(String s) {
    boolean skip = s.startsWith(" ") && (text.isEmpty() || isBlank(text.charAt(text.length() - 1)));
    text.append(s, skip ? 1 : 0, s.length());
  }

  /** Ends the current line, unless none was started. */
  void lineBreak() {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
      end--;
    }
    text.setLength(end);
    if (end > 0 && text.charAt(end - 1) != '\n') {
      text.append('\n');
    }
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\n';
  }

  /** The text, stripped. */
  @Override
  public String toString() {
    return text.toString().strip();
  }
}
