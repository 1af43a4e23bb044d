package io.liaison.ingest;

import java.util.List;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;

/**
 * The text a reader sees in a Markdown file, one line per block.
 *
 * <p>Indexing the file as it is put its markup into snippets and titles ({@code # Outlook},
 * {@code **semiconductor**}, {@code [report](https://...)}). commonmark-java parses it as
 * CommonMark, and the tree is walked so that what is markup goes: heading marks, emphasis, list
 * bullets, backticks, quote marks, link destinations and reference definitions, HTML tags. A
 * link's text, an image's alt text, code and the text inside HTML blocks (read by {@link
 * HtmlText}) stay. Headings, paragraphs, list items and code blocks are lines of their own, and a
 * line break inside a paragraph stays one, as in the file; a table's rows are lines, its cells
 * words apart, so the first line (the title) is the
 * first heading's text or the first line of the first paragraph, as before. The tree is walked
 * without recursion, since a Markdown file can nest quotes and lists as deep as it likes.
 * Thread-safe: commonmark's parser is.
 */
final class MarkdownText {
  private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

  private MarkdownText() {}

  /** The text of a Markdown document without its markup, blocks on lines of their own, stripped. */
  static String of(String markdown) {
    Node document = PARSER.parse(markdown);
    BlockText text = new BlockText();
    Node node = document;
    while (node != null) {
      enter(node, text);
      if (node.getFirstChild() != null) {
        node = node.getFirstChild();
        continue;
      }
      // Leave this node and every ancestor that has no next sibling, then go on with the sibling.
      while (node != null) {
        if (node instanceof Block) {
          text.lineBreak();
        }
        if (node == document) {
          node = null;
        } else if (node.getNext() != null) {
          node = node.getNext();
          break;
        } else {
          node = node.getParent();
        }
      }
    }
    return text.toString();
  }

  private static void enter(Node node, BlockText text) {
    if (node instanceof Block) {
      text.lineBreak();
    }
    switch (node) {
      case Text t -> text.append(t.getLiteral());
      case Code c -> text.append(c.getLiteral());
      case FencedCodeBlock c -> text.append(c.getLiteral());
      case IndentedCodeBlock c -> text.append(c.getLiteral());
      case HtmlBlock h -> text.append(HtmlText.of(Jsoup.parseBodyFragment(h.getLiteral()).body()));
      // A table row is a line, its cells words apart (GitHub's table syntax).
      case TableRow r -> text.lineBreak();
      case TableCell c -> text.appendCollapsed(" ");
      case SoftLineBreak b -> text.lineBreak();
      case HardLineBreak b -> text.lineBreak();
      // Emphasis, links and images have their text as children; inline HTML is only a tag.
      default -> {}
    }
  }
}
