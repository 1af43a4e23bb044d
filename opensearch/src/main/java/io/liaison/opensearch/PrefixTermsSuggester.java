package io.liaison.opensearch;

import io.liaison.search.SuggestionIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.apache.lucene.util.StringHelper;
import org.opensearch.core.common.text.Text;
import org.opensearch.index.query.QueryShardContext;
import org.opensearch.search.suggest.SortBy;
import org.opensearch.search.suggest.Suggester;
import org.opensearch.search.suggest.SuggestionSearchContext.SuggestionContext;
import org.opensearch.search.suggest.term.TermSuggestion;

/**
 * The suggester {@value PrefixTermsSuggestionBuilder#NAME}: the indexed terms of a field that start
 * with the text, as typed (no analysis), with their document frequencies, as the embedded suggester
 * reads them from its terms dictionary. Each shard answers with its own frequencies; the result is a
 * {@code term} suggestion, whose reduce adds them up per term, so the coordinating node returns the
 * index's frequencies, most frequent first.
 */
final class PrefixTermsSuggester extends Suggester<PrefixTermsSuggester.Context> {
  static final PrefixTermsSuggester INSTANCE = new PrefixTermsSuggester();

  /** One request on one shard. */
  static final class Context extends SuggestionContext {
    Context(QueryShardContext shardContext) {
      super(INSTANCE, shardContext);
    }
  }

  private PrefixTermsSuggester() {}

  @Override
  protected TermSuggestion innerExecute(String name, Context context, IndexSearcher searcher, CharsRefBuilder spare)
      throws IOException {
    String prefix = context.getText().utf8ToString();
    TermSuggestion.Entry entry = new TermSuggestion.Entry(new Text(prefix), 0, prefix.length());
    List<Map.Entry<String, Integer>> found = new ArrayList<>();
    Terms terms = prefix.isEmpty() ? null : MultiTerms.getTerms(searcher.getIndexReader(), context.getField());
    if (terms != null) {
      BytesRef wanted = new BytesRef(prefix);
      TermsEnum e = terms.iterator();
      if (e.seekCeil(wanted) != TermsEnum.SeekStatus.END) {
        int scanned = 0;
        do {
          BytesRef term = e.term();
          if (!StringHelper.startsWith(term, wanted) || scanned++ >= SuggestionIndex.TERMS_SCANNED) {
            break;
          }
          found.add(Map.entry(term.utf8ToString(), e.docFreq()));
        } while (e.next() != null);
      }
    }
    found.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
    for (Map.Entry<String, Integer> f : found.subList(0, Math.min(found.size(), context.getShardSize()))) {
      entry.addOption(new TermSuggestion.Entry.Option(new Text(f.getKey()), f.getValue(), 0f));
    }
    return suggestion(name, context, entry);
  }

  @Override
  protected TermSuggestion emptySuggestion(String name, Context context, CharsRefBuilder spare) {
    String prefix = context.getText().utf8ToString();
    return suggestion(name, context, new TermSuggestion.Entry(new Text(prefix), 0, prefix.length()));
  }

  private static TermSuggestion suggestion(String name, Context context, TermSuggestion.Entry entry) {
    TermSuggestion s = new TermSuggestion(name, context.getSize(), SortBy.FREQUENCY);
    s.addTerm(entry);
    return s;
  }
}
