package io.liaison.ingest;

/**
 * Where lines end in extracted text: the breaks {@code \R} matches, with {@code \r\n} one break.
 * Shared by the title's first-line scan ({@link DocumentExtractor}) and the snippets' block
 * boundaries ({@code io.liaison.search.BlockBreakIterator}), so both cut a text into the same lines.
 */
public final class LineBreaks {
  private LineBreaks() {}

  /** The index of the next line break at or after {@code from}, or -1 when there is none. */
  public static int next(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      switch (text.charAt(i)) {
        case '\n', '\u000B', '\f', '\r', '\u0085', '\u2028', '\u2029' -> {
          return i;
        }
        default -> {}
      }
    }
    return -1;
  }

  /** Where the line after the break at {@code lineBreak} starts: {@code \r\n} is one break. */
  public static int after(String text, int lineBreak) {
    return lineBreak + (text.charAt(lineBreak) == '\r' && lineBreak + 1 < text.length()
        && text.charAt(lineBreak + 1) == '\n' ? 2 : 1);
  }
}
