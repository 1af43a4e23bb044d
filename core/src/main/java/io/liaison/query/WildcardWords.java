package io.liaison.query;

import io.liaison.analysis.AnalyzedToken;
import io.liaison.lexicon.Lexicon;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.Operations;

/**
 * What a wildcard inside an English word stands for in a field of Porter stems.
 *
 * <p>Title and body hold stems (economic is {@code econom}, organisation {@code organis}), and a
 * wildcard matched against them, as Lucene matches it, finds only the words whose stem happens to
 * fit the pattern: {@code econom?c} and {@code organi?ation} found nothing. So the pattern is also
 * run over the English words the dictionary holds ({@link Lexicon#englishWords}), each word it
 * matches is analysed as the field analyses text, and those stems are searched beside the pattern,
 * as one constant-score set, the way Lucene scores the terms a wildcard expands to. No field is
 * added to the index for it: the index's size and indexing speed are measured targets, and the
 * dictionary is loaded anyway.
 *
 * <p>A word the dictionary does not hold is still found when the pattern fits its stem, as before.
 * A pattern that matches more than {@link #MAX_WORDS} words ({@code s*s}) is searched only as it
 * is, as before: its words say little about what was meant, and the dictionary walk stays short.
 * Not thread-safe: one per parser.
 */
final class WildcardWords {
  /**
   * The most dictionary words one pattern expands to: Lucene's default limit on the clauses of a
   * query ({@link IndexSearcher#getMaxClauseCount}), the bound it puts on expansions that become
   * clauses. Here they become one set query, which that limit does not count.
   */
  static final int MAX_WORDS = 1024;

  private final Supplier<Lexicon> lexicon;
  private final Analyzer analyzer;
  /** The words of the last pattern expanded: title and body search the same one, looked up once. */
  private String lastPattern;
  private List<String> lastWords = List.of();

  WildcardWords(Supplier<Lexicon> lexicon, Analyzer analyzer) {
    this.lexicon = lexicon;
    this.analyzer = analyzer;
  }

  /**
   * {@code typed} or, when the pattern matches dictionary words whose stems it does not match
   * itself, a constant-score query for the pattern or any of those stems. {@code typed}'s field
   * must be one the analyzer stems.
   */
  Query expand(WildcardQuery typed) {
    String field = typed.getField();
    CharacterRunAutomaton pattern = new CharacterRunAutomaton(typed.getAutomaton());
    SortedSet<BytesRef> stems = new TreeSet<>();
    for (String word : words(typed, pattern)) {
      List<AnalyzedToken> tokens = AnalyzedToken.analyze(analyzer, field, word);
      // A stop word gives no term and a hyphenated word several: neither is one word's stem.
      if (tokens.size() == 1 && !pattern.run(tokens.get(0).term())) {
        stems.add(new BytesRef(tokens.get(0).term()));
      }
    }
    if (stems.isEmpty()) {
      return typed; // the pattern as typed already finds every stem
    }
    return new ConstantScoreQuery(new BooleanQuery.Builder()
        .add(typed, BooleanClause.Occur.SHOULD)
        .add(new TermInSetQuery(field, stems), BooleanClause.Occur.SHOULD)
        .build());
  }

  /** The dictionary words the pattern matches; none when it matches more than {@link #MAX_WORDS}. */
  private List<String> words(WildcardQuery typed, CharacterRunAutomaton pattern) {
    String text = typed.getTerm().text();
    if (!text.equals(lastPattern)) {
      // The letters before the first wildcard bound the walk; a query cannot start with one.
      String prefix = Operations.getCommonPrefix(Operations.removeDeadStates(typed.getAutomaton()));
      List<String> words = prefix.isEmpty() ? List.of() : lexicon.get().englishWords(prefix, pattern, MAX_WORDS + 1);
      lastPattern = text;
      lastWords = words.size() > MAX_WORDS ? List.of() : words;
    }
    return lastWords;
  }
}
