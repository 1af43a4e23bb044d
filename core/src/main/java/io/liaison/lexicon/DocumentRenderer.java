package io.liaison.lexicon;

import io.liaison.analysis.ChineseScript;
import io.liaison.analysis.HanSegmentationFilter;
import io.liaison.analysis.TraditionalToSimplifiedCharFilter;
import io.liaison.ingest.Language;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * A page's words said in the other language, word by word from the dictionary: the text of the
 * index's {@code rendered} field, which a query searches untranslated beside its translation
 * (document translation beside query translation).
 *
 * <p>On an English page the English words become their first {@value #PER_WORD} Chinese translations,
 * on a Chinese page the Chinese words (SmartCN cuts them, after Traditional is folded to
 * Simplified, as the index does) their first English ones. A page {@link Language#detect} finds
 * mixed counts as Chinese: a fifth of its weight or more is Han, which English writing seldom
 * holds and Chinese writing, with its English names, commands and options, often does (742 of
 * the 849 Chinese manual pages of the benchmark are mixed, some of them mostly English). The
 * longest dictionary entry of up to {@value #LONGEST} neighbouring words wins over its
 * words (system call: 系统调用). Function words of either language, words the dictionary does not
 * know, numbers, single Latin letters, and the words of a Chinese page written in English (commands,
 * options) or of an English page written in Chinese add nothing, so a page's rendering holds only
 * words of the other language and a query in the page's own language never meets its words here:
 * a monolingual search scores as before (measured: rendering the English words of mixed pages
 * moved Chinese queries on Chinese pages, by up to −0.010 MRR@10, and still by up to −0.007 when
 * only the mixed pages weighing more English than Chinese were rendered so). The dictionary alone is used, not the glossary nor the mined aliases, which change
 * without a reindex and are applied to the query instead.
 *
 * <p>Thread-safe.
 */
public final class DocumentRenderer {
  /** Translations kept per source word or entry. */
  public static final int PER_WORD = 3;
  /** The longest entry looked up, in words. */
  public static final int LONGEST = 3;

  /**
   * Distinct words whose translations ({@link #wordTranslations}) or span check ({@link
   * #beginsSpan}) are remembered.
   */
  private static final int MEMO_LIMIT = 100_000;
  /** Distinct runs of two or three words whose lookup {@link #translations} remembers. */
  private static final int SPAN_MEMO_LIMIT = 200_000;

  private final Lexicon lexicon;
  private final BoundedMemo<String, List<String>> wordMemo;
  private final BoundedMemo<String, Boolean> spanStarts;
  private final BoundedMemo<String, Span> spans;
  private final FunctionWords englishFunctionWords = FunctionWords.english();
  private final FunctionWords chineseFunctionWords = FunctionWords.chinese();
  private final Analyzer words = new Analyzer() {
    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return new TraditionalToSimplifiedCharFilter(new CJKWidthCharFilter(reader));
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      return new TokenStreamComponents(source, new HanSegmentationFilter(source));
    }
  };

  public DocumentRenderer(Lexicon lexicon) {
    this.lexicon = lexicon;
    this.wordMemo = new BoundedMemo<>(MEMO_LIMIT, text -> span(text).kept());
    this.spanStarts = new BoundedMemo<>(MEMO_LIMIT, lexicon::mayBeginEnglishSpan);
    this.spans = new BoundedMemo<>(SPAN_MEMO_LIMIT, this::span);
  }

  /**
   * A word of the page: its text (Simplified, or lower-case Latin), its script, whether it follows
   * the last one directly, and whether a hyphen joins it to the last one (front-end).
   */
  private record Word(String text, boolean han, boolean adjacent, boolean hyphen) {}

  /**
   * The rendering of a page's {@code text} in {@code language} (as {@link Language#detect} found
   * it): the other language's words separated by spaces; empty when none is known.
   */
  public String render(String text, Language language) {
    return String.join(" ", translations(text, language));
  }

  /**
   * The translations {@link #render} joins, in the page's order: a page's rendering as the index
   * takes it ({@code RenderedTerms} analyses each of them once and remembers the terms).
   */
  public List<String> translations(String text, Language language) {
    List<Word> ws = words(text);
    boolean chinese = language != Language.EN;
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < ws.size()) {
      Word w = ws.get(i);
      // A compound's first word (front-end, and e-mail, whose single letter no entry "e ..." begins).
      boolean hyphenated = i + 1 < ws.size() && ws.get(i + 1).hyphen();
      boolean latin = !w.han() && isLatinWord(w.text());
      if (w.han() != chinese || !w.han() && !latin && !(hyphenated && isLetter(w.text()))) {
        i++;
        continue;
      }
      int used = 1;
      List<String> found = List.of();
      int longest = w.han() || hyphenated || beginsSpan(w.text()) ? longestRun(ws, i) : 1;
      for (int n = longest; n >= 2 && used == 1; n--) {
        Span span = spans.get(key(ws.subList(i, i + n)));
        if (span.listed()) {
          found = span.kept();
          used = n;
        }
      }
      if (used == 1 && standsAsModal(ws, i)) {
        found = EnglishModals.modalSenses(w.text()); // you can use: 可以, not 罐头 (tin can)
      } else if (used == 1 && !functionWord(w) && (w.han() || latin)) {
        found = wordTranslations(w);
      }
      out.addAll(found);
      i += used;
    }
    return out;
  }

  /**
   * A single word's kept translations, remembered: a page's words repeat (the first hundred
   * thousand distinct words are kept, enough for the words that make up most of any corpus).
   */
  private List<String> wordTranslations(Word w) {
    return wordMemo.get(w.text());
  }

  /** {@link Lexicon#mayBeginEnglishSpan}, remembered like {@link #wordTranslations}. */
  private boolean beginsSpan(String word) {
    return spanStarts.get(word);
  }

  /**
   * The first {@link #PER_WORD} translations in the other script than the source's: an English
   * word's rendering is Chinese and a Chinese word's English (a translation in the page's own
   * script, which ECDICT's Chinese glosses sometimes hold, would match the query's own words).
   */
  private static List<String> kept(List<Translation> found, boolean han) {
    List<String> out = new ArrayList<>(PER_WORD);
    for (Translation t : found) {
      if (out.size() == PER_WORD) {
        break;
      }
      if (ChineseScript.containsHan(t.text()) != han) {
        out.add(t.text());
      }
    }
    return out.isEmpty() ? List.of() : List.copyOf(out);
  }

  /** How many words from {@code i} may form an entry: up to {@link #LONGEST}, adjacent, in one script. */
  private static int longestRun(List<Word> ws, int i) {
    int n = 1;
    while (n < LONGEST && i + n < ws.size() && ws.get(i + n).adjacent() && ws.get(i + n).han() == ws.get(i).han()
        && (ws.get(i).han() || isLatinWord(ws.get(i + n).text()))) {
      n++;
    }
    return n;
  }

  /**
   * The dictionary key of a run of words: Han words joined, Latin words with a space between, or
   * the hyphen the page has (read-only: 只读).
   */
  private static String key(List<Word> run) {
    if (run.size() == 1) {
      return run.get(0).text();
    }
    StringBuilder s = new StringBuilder();
    boolean han = run.get(0).han();
    for (Word w : run) {
      if (!han && !s.isEmpty()) {
        s.append(w.hyphen() ? '-' : ' ');
      }
      s.append(w.text());
    }
    return s.toString();
  }

  /**
   * A word or run of words ({@link #key}) looked up in the direction its script says,
   * unremembered; a hyphenated compound the dictionary lists open only (boot-loader) as the open
   * words.
   */
  private Span span(String key) {
    boolean han = ChineseScript.containsHan(key);
    List<Translation> entry = han ? lexicon.toEnglish(key) : lexicon.toChinese(key);
    if (entry.isEmpty() && !han && key.indexOf('-') > 0) {
      entry = lexicon.toChinese(key.replace('-', ' '));
    }
    return entry.isEmpty() ? Span.UNLISTED : new Span(true, kept(entry, han));
  }

  /** A word or run of words looked up: whether the dictionary lists it, and its kept translations. */
  private record Span(boolean listed, List<String> kept) {
    static final Span UNLISTED = new Span(false, List.of());
  }

  /**
   * Whether the Latin word {@code i} is a modal verb where it stands ({@link EnglishModals}; you
   * can use, not a can), rendered then as its modal senses; the words of its sentence beside it
   * decide (a word after a break, such as a full stop, is no neighbour). The page's words are in
   * lower case here, so a capitalised May inside a sentence counts as may.
   */
  private static boolean standsAsModal(List<Word> ws, int i) {
    Word w = ws.get(i);
    if (w.han() || !EnglishModals.isModalWord(w.text())) {
      return false;
    }
    String previous = w.adjacent() && i > 0 ? ws.get(i - 1).text() : null;
    String next = i + 1 < ws.size() && ws.get(i + 1).adjacent() ? ws.get(i + 1).text() : null;
    return EnglishModals.standsAsModal(previous, w.text(), next, previous == null);
  }

  private boolean functionWord(Word w) {
    return w.han() ? chineseFunctionWords.contains(w.text()) : englishFunctionWords.contains(w.text());
  }

  /** A Latin word of two or more letters (an apostrophe inside allowed), no digits. */
  private static boolean isLatinWord(String s) {
    if (s.length() < 2 || !Character.isLetter(s.charAt(0))) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z') && c != '\'') {
        return false;
      }
    }
    return true;
  }

  /** A single Latin letter. */
  private static boolean isLetter(String s) {
    return s.length() == 1 && s.charAt(0) >= 'a' && s.charAt(0) <= 'z';
  }

  /**
   * The page's words in order. Two words are adjacent when only one space or one hyphen (Latin) or
   * nothing (Han) stands between them, so an entry never spans a full stop, a comma or a line
   * break.
   */
  private List<Word> words(String text) {
    List<Word> out = new ArrayList<>();
    try (TokenStream ts = words.tokenStream("", new StringReader(text))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      int lastEnd = -1;
      while (ts.incrementToken()) {
        String t = term.toString();
        boolean han = ChineseScript.containsHan(t);
        int gap = offset.startOffset() - lastEnd;
        boolean hyphen = lastEnd >= 0 && !han && gap == 1 && text.charAt(lastEnd) == '-';
        boolean adjacent = lastEnd >= 0 && (han ? gap == 0 : gap == 1 && text.charAt(lastEnd) == ' ' || hyphen);
        out.add(new Word(han ? t : t.toLowerCase(Locale.ROOT), han, adjacent, hyphen));
        lastEnd = offset.endOffset();
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read text to render", e);
    }
    return out;
  }
}
