package io.liaison.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A TREC run: {@code qid Q0 docid rank score tag} per line. */
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
      if (f.length < 6) {
        throw new IllegalArgumentException(file + ":" + (n + 1) + ": expected 'qid Q0 docid rank score tag', got '" + line + "'");
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

  /** Writes one TREC run line. */
  public static String line(String qid, String docid, int rank, float score, String tag) {
    return qid + " Q0 " + docid + " " + rank + " " + String.format(java.util.Locale.ROOT, "%.6f", score) + " " + tag;
  }
}
