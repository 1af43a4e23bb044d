package io.liaison.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.Liaison;
import io.liaison.query.Alternative;
import io.liaison.query.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Chinese word whose English translation is an open compound finds English text that writes the
 * compound closed, though the dictionary lists no closed form: 硬链接 is "hard link" there, and a
 * guide writes hardlinks.
 */
class CompoundSpellingSearchTest {
  @TempDir Path dir;

  @Test
  void aChineseWordFindsItsTranslationWrittenAsOneWord() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    for (Map.Entry<String, String> f : Map.of(
        "hardlinks.txt", "Finding every name of a file\nList all hardlinks that share one inode with find -samefile.\n",
        "symlinks.txt", "Symbolic links\nA symbolic link points to a path, which may not exist.\n",
        "disks.txt", "Disk space\nThe du command sums the space each directory takes on the disk.\n").entrySet()) {
      Files.writeString(corpus.resolve(f.getKey()), f.getValue());
    }
    Liaison.index(corpus, dir.resolve("index"));
    try (Liaison liaison = Liaison.open(dir.resolve("index"))) {
      SearchResponse response = liaison.search(SearchRequest.of("硬链接"));
      assertEquals(List.of("hardlinks.txt"), response.hits().stream().map(Hit::id).toList());
      // The expansion says which form was added and why.
      List<Alternative> alternatives = response.expansion().stream()
          .filter(c -> c.source().equals("硬链接")).findFirst().orElseThrow().alternatives();
      assertTrue(alternatives.stream().anyMatch(a -> a.text().equals("hardlinks") && a.origin() == Origin.SPELLING),
          alternatives.toString());
    }
  }
}
