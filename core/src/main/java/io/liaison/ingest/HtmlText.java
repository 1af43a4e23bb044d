package io.liaison.ingest;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The visible text of an HTML element, one line per block.
 *
 * <p>jsoup's {@code wholeText()} glues neighbouring blocks ({@code <h1>Harbor</h1><p>Sediment}
 * gave {@code HarborSediment}, one token), and its {@code text()} keeps them apart but puts the page
 * on one line, so the first line (the title of a page without {@code <title>}) would be all of it.
 * Here every element jsoup's {@link org.jsoup.parser.Tag#isBlock()} calls a block (paragraphs,
 * headings, list items, table cells, {@code <br>}) starts and ends a line, while inline elements
 * join as in the source ({@code econ<b>omic</b>} stays one word). Whitespace collapses as a browser
 * shows it, except inside {@code <pre>} and {@code <textarea>}, whose lines are kept.
 */
final class HtmlText implements NodeFilter {
  /** Script, style and template bodies are code, not text anyone reads on the page. */
  private static final Set<String> HIDDEN = Set.of("script", "style", "noscript", "template");

  private final BlockText text = new BlockText();
  /** How many enclosing elements keep their whitespace ({@code <pre>}, {@code <textarea>}). */
  private int verbatim;

  private HtmlText() {}

  /** The text of {@code root} and its descendants, blocks on lines of their own, stripped. */
  static String of(Element root) {
    HtmlText visitor = new HtmlText();
    NodeTraversor.filter(visitor, root);
    return visitor.text.toString();
  }

  @Override
  public FilterResult head(Node node, int depth) {
    if (node instanceof TextNode t) {
      if (verbatim > 0) {
        text.append(t.getWholeText());
      } else {
        text.appendCollapsed(t.text());
      }
    } else if (node instanceof Element e) {
      if (HIDDEN.contains(e.normalName())) {
        return FilterResult.SKIP_ENTIRELY; // tail() is not called for it either
      }
      if (e.tag().preserveWhitespace()) {
        verbatim++;
      }
      if (e.isBlock()) {
        text.lineBreak();
      }
    }
    return FilterResult.CONTINUE;
  }

  @Override
  public FilterResult tail(Node node, int depth) {
    if (node instanceof Element e) {
      if (e.isBlock()) {
        text.lineBreak();
      }
      if (e.tag().preserveWhitespace()) {
        verbatim--;
      }
    }
    return FilterResult.CONTINUE;
  }
}
