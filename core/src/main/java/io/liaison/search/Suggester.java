package io.liaison.search;

import io.liaison.analysis.ChineseScript;
import io.liaison.lexicon.Glossary;
import io.liaison.lexicon.GlossaryEntry;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Completes a prefix from three sources: indexed title and body terms (by document frequency),
 * document titles, and glossary terms, in Chinese and English alike.
 *
 * <p>Titles and terms come from a {@link SuggestionIndex}: the local index or a cluster; glossary
 * terms from the glossary that searches use at that moment ({@link io.liaison.Liaison#glossary()}),
 * so an edit to the file reaches completions when it reaches searches, without a rebuild.
 * Thread-safe; {@link #refresh()} after a rebuild picks up the new index.
 */
public final class Suggester implements Closeable {
  private static final int MAX_PREFIX_CHARS = 100;

  /** Heaviest first, then by text: the order of term completions. */
  public static final Comparator<Suggestion> BY_WEIGHT =
      Comparator.comparingLong((Suggestion x) -> -x.weight()).thenComparing(Suggestion::text);

  /**
   * One completion.
   *
   * @param text what to put in the search box
   * @param source {@code term}, {@code title} or {@code glossary}
   * @param weight how many documents hold the term (terms and titles); 0 for glossary entries
   */
  public record Suggestion(String text, String source, long weight) {}

  private final SuggestionIndex index;
  private final Supplier<Glossary> glossary;

  /**
   * Suggests from {@code index}, which this suggester closes, and from the glossary {@code
   * glossary} gives at each call (a server passes {@code liaison::glossary}).
   */
  public Suggester(SuggestionIndex index, Supplier<Glossary> glossary) {
    this.index = index;
    this.glossary = glossary;
  }

  /** Picks up the latest index state. */
  public synchronized void refresh() throws IOException {
    index.refresh();
  }

  /** Simplified and lower-cased: how titles, glossary terms and prefixes are compared. */
  public static String fold(String s) {
    return ChineseScript.toSimplified(s).toLowerCase(Locale.ROOT);
  }

  /** Up to {@code limit} completions of {@code prefix}, best first; empty for a blank prefix. */
  public List<Suggestion> suggest(String prefix, int limit) throws IOException {
    String p = prefix == null ? "" : prefix.strip();
    if (p.isEmpty() || limit < 1) {
      return List.of();
    }
    if (p.length() > MAX_PREFIX_CHARS) {
      throw new IllegalArgumentException("the prefix has " + p.length() + " characters; the limit is " + MAX_PREFIX_CHARS);
    }
    String folded = fold(p);
    Map<String, Suggestion> out = new LinkedHashMap<>();
    // Titles take at most half the list, so single words and glossary names still show.
    for (String t : index.titles(folded, (limit + 1) / 2)) {
      out.putIfAbsent(fold(t), new Suggestion(t, "title", 1));
    }
    for (GlossaryEntry entry : glossary.get().entries()) {
      List<String> line = entry.terms();
      if (line.stream().anyMatch(term -> startsAWord(fold(term), folded))) {
        // The whole line: a completion in the other language is as useful as one in the user's.
        for (String term : line) {
          out.putIfAbsent(fold(term), new Suggestion(term, "glossary", 0));
        }
      }
    }
    String last = lastWord(folded);
    String before = folded.substring(0, folded.length() - last.length());
    // Titles and glossary names may take keys that terms would have: ask for that many more.
    for (Suggestion t : index.terms(last, limit + out.size())) {
      String completed = before + t.text();
      out.putIfAbsent(completed, new Suggestion(completed, "term", t.weight()));
    }
    List<Suggestion> all = new ArrayList<>(out.values());
    // Titles first (they name a document), then glossary names, then single terms by frequency.
    all.sort(Comparator.comparingInt((Suggestion x) -> rank(x.source())).thenComparing(x -> -x.weight()));
    return List.copyOf(all.subList(0, Math.min(limit, all.size())));
  }

  private static int rank(String source) {
    return switch (source) {
      case "title" -> 0;
      case "glossary" -> 1;
      default -> 2;
    };
  }

  /** True when a word of {@code text} starts with {@code prefix}: "liai" completes "China Economic Liaison Center". */
  private static boolean startsAWord(String text, String prefix) {
    return text.startsWith(prefix) || text.contains(" " + prefix);
  }

  private static String lastWord(String s) {
    int space = s.lastIndexOf(' ');
    return space < 0 ? s : s.substring(space + 1);
  }

  @Override
  public synchronized void close() throws IOException {
    index.close();
  }
}
