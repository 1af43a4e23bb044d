package io.liaison.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Topics as IR toolkits write them: {@code qid<TAB>query text} per line, read as plain text. */
public final class Topics {
  /** One topic. */
  public record Topic(String qid, String text) {}

  private Topics() {}

  /** Reads a topics file; a line without a tab throws {@link IllegalArgumentException} naming file and line. */
  public static List<Topic> read(Path file) throws IOException {
    List<Topic> topics = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      if (n == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab <= 0) {
        throw new IllegalArgumentException(file + ":" + (n + 1) + ": expected 'qid<TAB>query text'");
      }
      topics.add(new Topic(line.substring(0, tab).strip(), line.substring(tab + 1).strip()));
    }
    return topics;
  }
}
