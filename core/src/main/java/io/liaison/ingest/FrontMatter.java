package io.liaison.ingest;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Markdown note split into its YAML front matter and the Markdown after it.
 *
 * <p>Jekyll, Hugo and Obsidian notes open with a block of {@code key: value} lines between two
 * {@code ---} lines. Read as Markdown, that block is a thematic break and a setext heading, so its
 * dashes and keys became the title and the first words of every snippet. A block counts as front
 * matter only when the text's first line is {@code ---}, a later line is {@code ---} or {@code ...}
 * (blanks after either are allowed, as Jekyll allows them, since editors leave them unseen) and what
 * lies between is a YAML mapping or nothing. Anything else (no closing line, YAML that does not
 * parse, a sentence between two rules) is read as Markdown as before, so no file is lost or skipped
 * over its first lines.
 *
 * <p>A top-level {@code title} (any case, as Hugo reads keys) whose value is a scalar is the
 * document's title: the author named the note, and that beats its first heading. Every other value (scalars, list items, the leaves of
 * nested mappings) is kept, without its key, on one line, so tags, authors, aliases and dates stay
 * searchable without {@code tags:} or brackets in snippets. Booleans and nulls are left out: {@code
 * draft: true} without its key says nothing, and would match a search for "true". Scalars keep the
 * text they were written with ({@code 1.10} stays {@code 1.10}); an alias repeats a value already
 * kept, so it is not kept twice.
 *
 * @param title the front matter's title, or {@code ""}
 * @param values the other values, comma separated on one line, or {@code ""}
 * @param markdown the text after the block, or the whole text when it has no front matter
 */
record FrontMatter(String title, String values, String markdown) {

  /** Thread-safe; its parsers are not, so each call makes its own. */
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  /** Splits {@code text} (decoded, without a BOM); never throws over what the block holds. */
  static FrontMatter split(String text) {
    int firstEnd = lineEnd(text, 0);
    if (!isFence(text, 0, firstEnd, false) || firstEnd == text.length()) {
      return none(text);
    }
    int yamlStart = nextLine(text, firstEnd);
    for (int line = yamlStart; ; ) {
      int end = lineEnd(text, line);
      if (isFence(text, line, end, true)) {
        FrontMatter parsed = parse(text.substring(yamlStart, line), text.substring(nextLine(text, end)));
        return parsed == null ? none(text) : parsed;
      }
      if (end == text.length()) {
        return none(text);
      }
      line = nextLine(text, end);
    }
  }

  private static FrontMatter none(String text) {
    return new FrontMatter("", "", text);
  }

  /** The front matter in {@code yaml}, or null when it is not YAML or not a mapping. */
  private static FrontMatter parse(String yaml, String markdown) {
    String title = "";
    List<String> values = new ArrayList<>();
    try (YAMLParser p = YAML.createParser(yaml)) {
      JsonToken token = p.nextToken();
      if (token == null) {
        return new FrontMatter("", "", markdown);
      }
      if (token != JsonToken.START_OBJECT) {
        return null;
      }
      int depth = 0;
      for (; token != null; token = p.nextToken()) {
        switch (token) {
          case START_OBJECT, START_ARRAY -> depth++;
          case END_OBJECT, END_ARRAY -> depth--;
          case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
            String value = WHITESPACE.matcher(p.getText()).replaceAll(" ").strip();
            if (value.isEmpty() || p.isCurrentAlias()) {
              continue;
            }
            boolean isTitle = depth == 1 && p.currentName() != null
                && p.currentName().toLowerCase(Locale.ROOT).equals("title");
            if (isTitle && title.isEmpty()) {
              title = value;
            } else {
              values.add(value);
            }
          }
          // Keys, booleans, nulls and !!binary values.
          default -> {}
        }
      }
    } catch (IOException | RuntimeException e) {
      // Whatever the YAML library makes of a broken block, the file is still read, as Markdown.
      return null;
    }
    return new FrontMatter(title, String.join(", ", values), markdown);
  }

  /** True when the line is {@code ---} (or, closing, {@code ...}) followed by nothing but blanks. */
  private static boolean isFence(String text, int start, int end, boolean closing) {
    int last = end;
    while (last > start && (text.charAt(last - 1) == ' ' || text.charAt(last - 1) == '\t')) {
      last--;
    }
    return last - start == 3 && (text.startsWith("---", start) || closing && text.startsWith("...", start));
  }

  /** The index of the line break ending the line at {@code start}, or the text's length. */
  private static int lineEnd(String text, int start) {
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        return i;
      }
    }
    return text.length();
  }

  /** The start of the line after the line break at {@code end} ({@code \n}, {@code \r\n} or {@code \r}). */
  private static int nextLine(String text, int end) {
    if (end == text.length()) {
      return end;
    }
    return text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
  }
}
