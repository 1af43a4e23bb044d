package io.liaison.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/** Formats passages as a list of HTML-safe strings: document text escaped, matches in {@code <mark>}. */
final class SnippetFormatter extends PassageFormatter {
  private static final Pattern SPACES = Pattern.compile("\\s+");

  @Override
  public List<String> format(Passage[] passages, String content) {
    List<String> out = new ArrayList<>(passages.length);
    for (Passage p : passages) {
      StringBuilder sb = new StringBuilder();
      int pos = p.getStartOffset();
      for (int i = 0; i < p.getNumMatches(); i++) {
        int start = p.getMatchStarts()[i];
        int end = p.getMatchEnds()[i];
        if (start < pos) {
          continue; // overlapping match, already marked
        }
        escape(sb, content, pos, start);
        sb.append("<mark>");
        escape(sb, content, start, end);
        sb.append("</mark>");
        pos = end;
      }
      escape(sb, content, pos, Math.max(pos, p.getEndOffset()));
      out.add(SPACES.matcher(sb.toString().strip()).replaceAll(" "));
    }
    return out;
  }

  static void escape(StringBuilder sb, String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#x27;");
        case '/' -> sb.append("&#x2F;");
        default -> sb.append(c);
      }
    }
  }
}
