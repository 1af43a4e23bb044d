package io.liaison.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlossaryTest {
  @TempDir Path dir;

  /** A stand-in for ChineseScript.toSimplified that knows only the characters used here. */
  private static final UnaryOperator<String> FOLD =
      s -> {
        Map<Character, Character> map = Map.of('國', '国', '經', '经', '濟', '济', '聯', '联', '絡', '络');
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
          out.append(map.getOrDefault(c, c));
        }
        return out.toString();
      };

  private Path write(String content) throws IOException {
    Path file = dir.resolve("glossary.tsv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void skipsCommentsAndBlankLinesAndRemembersLineNumbers() throws IOException {
    Path file =
        write(
            "# concepts\n\n"
                + "中国经济联络中心\t中國經濟聯絡中心\tChina Economic Liaison Center\tCECC\n"
                + "   \n"
                + "# another\n"
                + "一带一路\tBelt and Road\tBRI\n");
    Glossary glossary = Glossary.load(file);
    assertEquals(2, glossary.entries().size());
    assertEquals(3, glossary.entries().get(0).line());
    assertEquals(6, glossary.entries().get(1).line());
    assertEquals(List.of("一带一路", "Belt and Road", "BRI"), glossary.entries().get(1).terms());
  }

  @Test
  void latinTermsMatchIgnoringCaseAndSpacing() throws IOException {
    Glossary glossary = Glossary.load(write("一带一路\tBelt and Road\tBRI\n"));
    Set<String> expected = Set.of("一带一路", "Belt and Road", "BRI");
    assertEquals(expected, glossary.equivalents("belt  AND road"));
    assertEquals(expected, glossary.equivalents("bri"));
    assertEquals(expected, glossary.equivalents("一带一路"));
    assertEquals(Set.of(), glossary.equivalents("belt"));
  }

  @Test
  void traditionalQueriesMatchAfterFolding() throws IOException {
    Glossary glossary = Glossary.load(write("中国经济联络中心\tCECC\n"), FOLD);
    assertEquals(Set.of("中国经济联络中心", "CECC"), glossary.equivalents("中國經濟聯絡中心"));
    // Without a fold the Traditional form is a different string.
    assertEquals(Set.of(), Glossary.load(write("中国经济联络中心\tCECC\n")).equivalents("中國經濟聯絡中心"));
  }

  @Test
  void termInTwoConceptsGetsBoth() throws IOException {
    Glossary glossary = Glossary.load(write("CECC\t中国经济联络中心\nCECC\tChina Economic Cooperation Center\n"));
    assertEquals(
        Set.of("CECC", "中国经济联络中心", "China Economic Cooperation Center"), glossary.equivalents("cecc"));
  }

  @Test
  void malformedLineNamesFileAndLine() throws IOException {
    Path file = write("# header\n联络\tliaison\n只有一个词\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Glossary.load(file));
    assertTrue(e.getMessage().contains(file.toString() + ":3"), e.getMessage());

    Path empty = write("联络\t\tliaison\n");
    e = assertThrows(IllegalArgumentException.class, () -> Glossary.load(empty));
    assertTrue(e.getMessage().contains(":1: empty term"), e.getMessage());
  }

  @Test
  void missingFileIsEmpty() throws IOException {
    Glossary glossary = Glossary.load(dir.resolve("absent.tsv"));
    assertSame(Glossary.empty(), glossary);
    assertTrue(glossary.entries().isEmpty());
    assertEquals(Set.of(), glossary.equivalents("anything"));
  }
}
