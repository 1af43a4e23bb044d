package io.liaison.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A TREC run: {@code qid Q0 docid rank score tag} per line, six fields split on whitespace, as
 * trec_eval reads them. A topic or document id that holds whitespace or {@code %} is written with
 * those characters percent-encoded ({@link #trecId}), so a file name such as {@code my notes.txt}
 * stays one field; qrels for such a document must use the same form.
 */
public final class Run {
  /** One retrieved document. */
  public record Entry(String docid, double score) {}

  private final Map<String, List<Entry>> ranked;

  private Run(Map<String, List<Entry>> ranked) {
    this.ranked = ranked;
  }

  /**
   * Reads a run and orders each topic's documents as trec_eval does: by score, highest first, ties
   * broken by document id in reverse order (the rank column is ignored).
   */
  public static Run read(Path file) throws IOException {
    Map<String, List<Entry>> r = new HashMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\\s+");
      if (f.length != 6) {
        throw new IllegalArgumentException(file + ":" + (n + 1) + ": expected the 6 fields 'qid Q0 docid rank score tag', got "
            + f.length + " in '" + line + "'; a document id cannot hold whitespace: write it percent-encoded (%20 for a space)");
      }
      try {
        r.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Entry(f[2], Double.parseDouble(f[4])));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(file + ":" + (n + 1) + ": score must be a number, got '" + f[4] + "'");
      }
    }
    Comparator<Entry> order = Comparator.comparingDouble(Entry::score).reversed()
        .thenComparing(Entry::docid, Comparator.reverseOrder());
    r.values().forEach(l -> l.sort(order));
    return new Run(r);
  }

  /** The ranked documents of a topic; empty when the run has none. */
  public List<Entry> ranking(String qid) {
    return ranked.getOrDefault(qid, List.of());
  }

  /** Writes one TREC run line; the topic and document ids go through {@link #trecId}. */
  public static String line(String qid, String docid, int rank, double score, String tag) {
    return trecId(qid) + " Q0 " + trecId(docid) + " " + rank + " " + String.format(Locale.ROOT, "%.6f", score) + " " + tag;
  }

  /**
   * A topic or document id as one TREC field: each whitespace character and each {@code %} becomes the
   * {@code %XX} escapes of its UTF-8 bytes ({@code a b%.txt} gives {@code a%20b%25.txt}); every other
   * character, Chinese included, is kept as it is. Ids without either come back unchanged.
   */
  public static String trecId(String docid) {
    StringBuilder b = null;
    for (int i = 0; i < docid.length(); ) {
      int c = docid.codePointAt(i);
      int next = i + Character.charCount(c);
      if (c == '%' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        if (b == null) {
          b = new StringBuilder(docid.length() + 8).append(docid, 0, i);
        }
        for (byte x : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
          b.append('%').append(HEX[(x >> 4) & 0xF]).append(HEX[x & 0xF]);
        }
      } else if (b != null) {
        b.appendCodePoint(c);
      }
      i = next;
    }
    return b == null ? docid : b.toString();
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
