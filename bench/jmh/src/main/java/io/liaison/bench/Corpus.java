package io.liaison.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The benchmark corpus: every .txt file under a folder, sorted by path. */
final class Corpus {
  private Corpus() {}

  static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".txt")).sorted().toList();
    }
  }

  /** Every file's text, read into memory (the analysis benchmark measures analysis, not I/O). */
  static List<String> texts(Path root) {
    try {
      List<String> out = new ArrayList<>();
      for (Path p : files(root)) {
        out.add(Files.readString(p, StandardCharsets.UTF_8));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
