package io.liaison.index;

import io.liaison.analysis.AnalyzedToken;
import io.liaison.lexicon.BoundedMemo;
import io.liaison.lexicon.DocumentRenderer;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A page's rendering ({@link DocumentRenderer#translations}) as the terms the index's analyzer
 * gives {@link Fields#RENDERED}, each translation analysed once and its terms remembered.
 *
 * <p>A rendering is made of the lexicon's translations, a few thousand of them again and again on
 * any corpus; analysing each page's joined rendering anew (SmartCN segmenting every Chinese
 * translation of every English word) tripled the time of indexing the mostly English 100k
 * benchmark corpus (bench/perf/RESULTS.md, session 54). The terms are the same, in the same order:
 * in the joined text a space ends a run of Han characters, so SmartCN sees each translation alone,
 * and every filter after it looks at one token at a time.
 *
 * <p>Thread-safe.
 */
final class RenderedTerms {
  /** Distinct translations remembered; later ones are analysed each time. */
  private static final int MEMO_LIMIT = 200_000;

  private final BoundedMemo<String, List<String>> memo;

  /** @param analyzer the index's analyzer ({@link Fields#analyzer}), asked for {@link Fields#RENDERED} */
  RenderedTerms(Analyzer analyzer) {
    this.memo = new BoundedMemo<>(MEMO_LIMIT,
        t -> AnalyzedToken.analyze(analyzer, Fields.RENDERED, t).stream().map(AnalyzedToken::term).toList());
  }

  /** The indexed terms of {@code translations}, in order. */
  List<String> of(List<String> translations) {
    List<String> out = new ArrayList<>(translations.size() * 2);
    for (String t : translations) {
      out.addAll(memo.get(t));
    }
    return out;
  }

  /** Already analysed terms, one position each, for a field indexed without positions or offsets. */
  static TokenStream stream(List<String> terms) {
    return new TokenStream() {
      private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
      private int next;

      @Override
      public boolean incrementToken() {
        if (next == terms.size()) {
          return false;
        }
        clearAttributes();
        term.setEmpty().append(terms.get(next++));
        return true;
      }

      @Override
      public void reset() {
        next = 0;
      }
    };
  }
}
