package io.liaison.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.index.Fields;
import io.liaison.index.IndexSummary;
import io.liaison.index.Indexer;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notes from Jekyll, Hugo and Obsidian open with YAML front matter: its title names the document, its
 * values stay searchable, and its dashes and keys reach neither titles nor snippets. A block that is
 * not front matter after all is read as Markdown, as any other file; each such case carries the
 * same note with a sound block as its control, since Markdown is what they were read as before.
 */
class FrontMatterTest {
  private static final String REPORT = """
      ---
      title: Liaison annual report
      tags: [economy, liaison]
      date: 2024-03-01
      ---
      # Outlook

      Exports rose.
      """;

  @TempDir Path tmp;

  private final DocumentExtractor extractor = new DocumentExtractor();

  /** Writes the note to a file, as a user's folder holds it, and extracts it as the indexer does. */
  private ExtractedDocument note(String name, String text) throws IOException {
    return note(name, text.getBytes(UTF_8));
  }

  private ExtractedDocument note(String name, byte[] bytes) throws IOException {
    Path file = Files.createDirectories(tmp.resolve("notes")).resolve(name);
    Files.write(file, bytes);
    return extractor.extract("notes/" + name, Files.readAllBytes(file), Files.getLastModifiedTime(file).toMillis());
  }

  @Test
  void theFrontMatterTitleBeatsTheFirstHeading() throws IOException {
    ExtractedDocument d = note("report.md", REPORT);
    assertEquals("Liaison annual report", d.title());
    assertEquals("economy, liaison, 2024-03-01\nOutlook\nExports rose.", d.body());
  }

  @Test
  void otherValuesAreOneLineOfTextWithoutKeysBracketsOrDashes() throws IOException {
    ExtractedDocument d = note("values.markdown", """
        ---
        title: Liaison annual report
        tags: [economy, liaison]
        author:
          name: Li Wei
          office: &hq Kunming
        aliases:
          - CECC report
          - 年报
        venue: *hq
        date: 2024-03-01
        version: 1.10
        draft: false
        cover: ~
        summary: >
          Trade with Laos
          and Vietnam.
        ---
        Exports rose.
        """);
    assertEquals("Liaison annual report", d.title());
    assertEquals("economy, liaison, Li Wei, Kunming, CECC report, 年报, 2024-03-01, 1.10, Trade with Laos and Vietnam.\n"
        + "Exports rose.", d.body());
    List<String> snippets = AsIndexed.snippets(d, "economy");
    assertEquals(1, snippets.size(), snippets.toString());
    for (String noise : List.of("tags", "author", "[", "---", "title", "false")) {
      assertFalse(snippets.get(0).contains(noise), noise + " in " + snippets);
    }
    assertTrue(AsIndexed.tokens(d.body()).containsAll(AsIndexed.tokens("Kunming 年报")), d.body());
  }

  @Test
  void fencesAsEditorsSaveThemCrlfTrailingBlanksAndDotsToClose() throws IOException {
    ExtractedDocument d = note("crlf.md", "---  \r\ntitle: Minutes\r\ntags: ports\r\n...\t\r\nBody text.\r\n");
    assertEquals("Minutes", d.title());
    assertEquals("ports\nBody text.", d.body());
  }

  /** Only the first line opens front matter: a later {@code ---} is a thematic break and its text stays. */
  @Test
  void aDashedLineAnywhereButTheFirstLineIsAThematicBreak() throws IOException {
    ExtractedDocument d = note("minutes.md", """
        ---
        title: Minutes
        ---
        Opening remarks.

        ---

        author: not front matter

        ---
        """);
    assertEquals("Minutes", d.title());
    assertEquals("Opening remarks.\nauthor: not front matter", d.body());

    String later = "\n---\ntitle: Minutes\n---\nOpening remarks.\n";
    ExtractedDocument notFirst = note("blank-first.md", later);
    assertEquals("title: Minutes", notFirst.title(), "a setext heading, as CommonMark reads it");
    assertEquals(MarkdownText.of(later), notFirst.body());
  }

  @Test
  void aBlockThatNeverClosesIsReadAsMarkdown() throws IOException {
    assertEquals("Liaison annual report", note("closed.md", REPORT).title(), "the control");
    String unclosed = REPORT.replaceFirst("---\n# Outlook", "# Outlook");
    ExtractedDocument d = note("unclosed.md", unclosed);
    assertEquals(MarkdownText.of(unclosed), d.body());
    assertEquals("title: Liaison annual report", d.title());
    assertTrue(d.body().contains("Exports rose."), d.body());
  }

  @Test
  void yamlThatDoesNotParseOrIsNoMappingIsReadAsMarkdown() throws IOException {
    assertEquals("Liaison annual report", note("sound.md", REPORT).title(), "the control");
    List<String> broken = List.of(
        REPORT.replace("[economy, liaison]", "[economy, liaison"),
        REPORT.replace("tags:", "\ttags:"),
        REPORT.replace("date: 2024-03-01", "  date: 2024-03-01"),
        REPORT.replace("title: Liaison annual report\n", "- a list\n- is no front matter\n").replace("tags: [economy, liaison]\ndate: 2024-03-01\n", ""),
        "---\nA sentence between two rules.\n---\nExports rose.\n");
    for (String text : broken) {
      ExtractedDocument d = note("broken.md", text);
      assertEquals(MarkdownText.of(text), d.body(), text);
      assertEquals(DocumentExtractor.firstLine(d.body()), d.title(), text);
      assertTrue(d.body().contains("Exports rose."), d.body());
    }
  }

  @Test
  void aChineseTitleAndValuesInUtf8AndGb18030() throws IOException {
    String text = """
        ---
        title: 中国经济联络中心 2024 年报
        tags: [经济, 联络]
        date: 2024-03-01
        ---
        ## 概况

        今年对外经济联络工作稳步推进。
        """;
    for (Charset charset : List.of(UTF_8, Charset.forName("GB18030"))) {
      ExtractedDocument d = note("年报.md", text.getBytes(charset));
      assertEquals("中国经济联络中心 2024 年报", d.title(), charset.name());
      assertEquals("经济, 联络, 2024-03-01\n概况\n今年对外经济联络工作稳步推进。", d.body(), charset.name());
      assertEquals(Language.ZH, d.language(), charset.name());
    }
  }

  /** A folder of notes, sound and broken: every file is indexed, and a tag finds its note. */
  @Test
  void noNoteIsSkippedOverItsFrontMatter() throws IOException {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(corpus.resolve("report.md"), REPORT);
    Files.writeString(corpus.resolve("unclosed.md"), "---\ntitle: Draft\n\nHarbour dredging notes.\n");
    Files.writeString(corpus.resolve("malformed.md"), "---\ntitle: [Draft\n---\nCrane inventory.\n");
    Files.writeString(corpus.resolve("empty-block.md"), "---\n---\nTugboat schedule.\n");
    Path index = tmp.resolve("index");

    IndexSummary s = new Indexer(Indexer.Options.of(corpus, index)).run();

    assertEquals(4, s.added(), s.describe());
    assertEquals(List.of(), s.skipped());
    try (FSDirectory dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(r);
      assertEquals(1, searcher.count(new TermQuery(new Term(Fields.BODY, AsIndexed.tokens("liaison").get(0)))));
      for (String key : List.of("tags", "date")) {
        assertEquals(0, searcher.count(new TermQuery(new Term(Fields.BODY, AsIndexed.tokens(key).get(0)))), "keys are not text");
      }
      assertEquals(1, searcher.count(new TermQuery(new Term(Fields.TITLE, AsIndexed.tokens("annual").get(0)))));
      for (String word : List.of("dredging", "crane", "tugboat")) {
        assertEquals(1, searcher.count(new TermQuery(new Term(Fields.BODY, AsIndexed.tokens(word).get(0)))), word);
      }
    }
  }
}
