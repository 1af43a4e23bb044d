package io.liaison.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Markdown files are indexed as the text a reader sees: no markup in bodies, titles or snippets. */
class MarkdownTextTest {
  private final DocumentExtractor extractor = new DocumentExtractor();

  private ExtractedDocument markdown(String name, String text) throws IOException {
    return extractor.extract("notes/" + name, text.getBytes(UTF_8), 1_700_000_000_000L);
  }

  @Test
  void headingEmphasisAndLinksLeaveNoMarkupInTitleBodyOrSnippets() throws IOException {
    ExtractedDocument d = markdown("outlook.md", """
        # Semiconductor Trade Outlook

        Exports of **semiconductor** equipment _rose_ again, says [the ministry's report](https://example.org/report.pdf).
        """);
    assertEquals("Semiconductor Trade Outlook", d.title());
    assertEquals("Semiconductor Trade Outlook\nExports of semiconductor equipment rose again, says the ministry's report.", d.body());
    assertEquals(List.of("<mark>Semiconductor</mark> Trade Outlook", "Exports of <mark>semiconductor</mark> equipment rose"
        + " again, says the ministry&#x27;s report."), AsIndexed.snippets(d, "semiconductor"), "the heading a passage of its own");
    assertEquals(List.of(), AsIndexed.snippets(d, "pdf"), "a link's destination is not text");
  }

  @Test
  void listsQuotesCodeHtmlEscapesAndReferencesKeepOnlyTheirText() throws IOException {
    ExtractedDocument d = markdown("a.markdown", """
        Tariff notes
        ============

        * first *item*
        * second `code span` item

        1. one
        2. two

        > quoted __text__

            indented code

        ```java
        int tariff = 5;
        ```

        ![chart of exports](chart.png)

        <div align="center"><b>Centred</b> html</div>

        See <https://example.org/auto> and [the annex][annex]. A \\*literal\\* &amp; entity, H<sub>2</sub>O.
        Soft-wrapped line.

        [annex]: https://example.org/annex
        """);
    assertEquals("Tariff notes", d.title());
    assertEquals(String.join("\n", "Tariff notes", "first item", "second code span item", "one", "two", "quoted text",
        "indented code", "int tariff = 5;", "chart of exports", "Centred html",
        "See https://example.org/auto and the annex. A *literal* & entity, H2O.", "Soft-wrapped line."), d.body());
  }

  @Test
  void aTableIsARowPerLineWithItsCellsWordsApart() throws IOException {
    ExtractedDocument d = markdown("t.md", """
        # Delegations

        | Province | Partner |
        |----------|:-------:|
        | Yunnan|Laos |
        | 广东 | 香港 |
        """);
    assertEquals("Delegations\nProvince Partner\nYunnan Laos\n广东 香港", d.body());
    assertEquals(List.of("yunnan", "lao"), AsIndexed.tokens("Yunnan Laos"));
    assertTrue(AsIndexed.tokens(d.body()).containsAll(List.of("yunnan", "lao", "广东", "香港")), d.body());
  }

  @Test
  void withoutAHeadingTheTitleIsTheFirstLineOfText() throws IOException {
    ExtractedDocument d = markdown("b.md", "**Draft** of the _memo_\nsecond line\n\n- point");
    assertEquals("Draft of the memo", d.title());
    assertEquals("Draft of the memo\nsecond line\npoint", d.body());
  }

  @Test
  void chineseEmphasisIsRemovedAndTheWordsSegmentAsPlainText() throws IOException {
    ExtractedDocument d = markdown("c.md", "## 半导体**贸易**展望\n\n今年**半导体设备**出口增长，详见[商务部报告](https://example.org/r)。\n");
    assertEquals("半导体贸易展望", d.title());
    assertEquals("半导体贸易展望\n今年半导体设备出口增长，详见商务部报告。", d.body());
    assertEquals(AsIndexed.tokens("半导体贸易展望\n今年半导体设备出口增长，详见商务部报告。"), AsIndexed.tokens(d.body()));
    assertFalse(d.body().contains("*"));
  }

  /** The tree is walked without recursion; past commonmark's own nesting limit the marks stay as text. */
  @Test
  void nestedQuotesAndListsAreReadAtAnyDepth() throws IOException {
    assertEquals("deep quote\ndeep item", markdown("nested.md", ">".repeat(10) + " deep quote\n\n" + "- ".repeat(10) + "deep item\n").body());
    ExtractedDocument d = markdown("deep.md", ">".repeat(20_000) + " deep quote\n\n" + "- ".repeat(20_000) + "deep item\n");
    assertTrue(d.body().contains("deep quote") && d.body().endsWith("deep item"), d.title());
  }
}
