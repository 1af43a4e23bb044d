package io.liaison.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Saved web pages: neighbouring blocks are separate lines and words, inline markup joins as written. */
class HtmlTextTest {
  private final DocumentExtractor extractor = new DocumentExtractor();

  private ExtractedDocument page(String html) throws IOException {
    return extractor.extract("pages/a.html", html.getBytes(UTF_8), 1_700_000_000_000L);
  }

  @Test
  void headingsParagraphsListItemsAndCellsAreLinesOfTheirOwn() throws IOException {
    ExtractedDocument d = page("<html><head><title>Harbor Report</title></head><body><h1>Harbor Dredging</h1>"
        + "<p>Sediment removal continued.</p><ul><li>Cranes</li><li>Tugboats</li></ul>"
        + "<table><tr><td>Alpha</td><td>Bravo</td></tr></table></body></html>");
    assertEquals("Harbor Report", d.title());
    assertEquals("Harbor Dredging\nSediment removal continued.\nCranes\nTugboats\nAlpha\nBravo", d.body());
    assertTrue(AsIndexed.tokens(d.body()).containsAll(AsIndexed.tokens("dredging sediment cranes tugboats alpha bravo")),
        AsIndexed.tokens(d.body()).toString());
  }

  @Test
  void aWordInTheSecondBlockIsFoundAndMarkedInItsSnippet() throws IOException {
    ExtractedDocument d = page("<body><h1>Harbor Dredging</h1><p>Sediment removal continued.</p><ul><li>Cranes</li></ul></body>");
    assertEquals(List.of("<mark>Sediment</mark> removal continued."), AsIndexed.snippets(d, "sediment"), "not run into the heading");
    assertEquals(List.of("<mark>Cranes</mark>"), AsIndexed.snippets(d, "cranes"));
  }

  @Test
  void chineseBlocksAreSegmentedApartAndTheFirstHeadingIsTheTitle() throws IOException {
    String heading = "国家统计局发布经济数据";
    String paragraph = "国家统计局今天公布了上月的工业生产数据。";
    String item = "数据国家";
    ExtractedDocument d = page("<body><h1>" + heading + "</h1><p>" + paragraph + "</p><ol><li>" + item + "</li></ol></body>");
    assertEquals(heading, d.title());
    assertEquals(heading + "\n" + paragraph + "\n" + item, d.body());
    List<String> apart = new ArrayList<>(AsIndexed.tokens(heading));
    apart.addAll(AsIndexed.tokens(paragraph));
    apart.addAll(AsIndexed.tokens(item));
    assertEquals(apart, AsIndexed.tokens(d.body()));
  }

  @Test
  void inlineElementsJoinAsWrittenAndSourceLineBreaksAreSpaces() throws IOException {
    ExtractedDocument d = page("<body><p>Quarterly econ<b>omic</b> data,\n   see <a href=\"annex.html\">the <span>annex</span></a>"
        + " &amp; <i>notes</i>.</p><div>Prepared by <em>staff</em><div>Nested block</div>after it</div></body>");
    assertEquals("Quarterly economic data, see the annex & notes.\nPrepared by staff\nNested block\nafter it", d.body());
    assertEquals("Quarterly economic data, see the annex & notes.", d.title());
    assertTrue(AsIndexed.tokens(d.body()).contains(AsIndexed.tokens("economic").get(0)));
  }

  @Test
  void lineBreakTagsBreakAndPreformattedTextKeepsItsLines() throws IOException {
    ExtractedDocument d = page("<body><p>Line one<br>Line two<br/><br/>Line three</p>"
        + "<pre>int a = 1;\n  int b = 2;</pre><p>after</p><script>var hidden = 1;</script></body>");
    assertEquals("Line one\nLine two\nLine three\nint a = 1;\n  int b = 2;\nafter", d.body());
  }
}
