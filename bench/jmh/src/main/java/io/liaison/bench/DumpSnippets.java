package io.liaison.bench;

import io.liaison.Liaison;
import io.liaison.search.Hit;
import io.liaison.search.SearchRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Diagnostic: prints the hits and snippets of every query (mono and cross), so two builds can be
 * diffed when a change must not alter results.
 * {@code java -cp benchmarks.jar io.liaison.bench.DumpSnippets INDEX QUERIES GLOSSARY}
 */
public final class DumpSnippets {
  public static void main(String[] args) throws Exception {
    try (Liaison liaison = Liaison.open(Path.of(args[0]), Path.of(args[2]))) {
      for (String q : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
        if (q.isBlank() || q.startsWith("#")) {
          continue;
        }
        for (boolean translate : new boolean[] {false, true}) {
          var r = liaison.search(SearchRequest.of(q).withLimit(10).withTranslate(translate));
          System.out.println("## " + q + " translate=" + translate + " total=" + r.total());
          for (Hit h : r.hits()) {
            System.out.println(h.id() + "\t" + h.score() + "\t" + h.snippets());
          }
        }
      }
    }
  }
}
