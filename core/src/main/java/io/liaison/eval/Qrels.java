package io.liaison.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TREC relevance judgements: {@code qid 0 docid relevance} per line. */
public final class Qrels {
  private final Map<String, Map<String, Integer>> judgements;

  private Qrels(Map<String, Map<String, Integer>> judgements) {
    this.judgements = judgements;
  }

  /** Reads a qrels file; a malformed line throws {@link IllegalArgumentException} naming file and line. */
  public static Qrels read(Path file) throws IOException {
    Map<String, Map<String, Integer>> j = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\\s+");
      if (f.length != 4) {
        throw new IllegalArgumentException(file + ":" + (n + 1) + ": expected 'qid 0 docid relevance', got '" + line + "'");
      }
      try {
        j.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[2], Integer.parseInt(f[3]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(file + ":" + (n + 1) + ": relevance must be a whole number, got '" + f[3] + "'");
      }
    }
    return new Qrels(j);
  }

  /** Topic ids with at least one relevant document, in file order. */
  public List<String> topics() {
    return judgements.entrySet().stream()
        .filter(e -> e.getValue().values().stream().anyMatch(r -> r > 0))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Relevance of every judged document of a topic. */
  public Map<String, Integer> judged(String qid) {
    return Collections.unmodifiableMap(judgements.getOrDefault(qid, Map.of()));
  }
}
