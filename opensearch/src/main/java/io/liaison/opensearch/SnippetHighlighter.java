package io.liaison.opensearch;

import io.liaison.search.Snippets;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.opensearch.core.common.text.Text;
import org.opensearch.index.mapper.MappedFieldType;
import org.opensearch.search.fetch.subphase.highlight.FieldHighlightContext;
import org.opensearch.search.fetch.subphase.highlight.HighlightField;
import org.opensearch.search.fetch.subphase.highlight.HighlightUtils;
import org.opensearch.search.fetch.subphase.highlight.Highlighter;

/**
 * The highlighter {@value #NAME}: the embedded library's snippets ({@link Snippets}), made on the
 * shard from the postings' offsets and the {@code _source} text, so a hit shows the same passages
 * whichever backend found it. Options of the request's highlight section are not read: the
 * passages are the library's.
 */
final class SnippetHighlighter implements Highlighter {
  static final String NAME = "liaison";

  @Override
  public boolean canHighlight(MappedFieldType fieldType) {
    return fieldType.getTextSearchInfo().getSearchAnalyzer() != null;
  }

  @Override
  public HighlightField highlight(FieldHighlightContext c) throws IOException {
    List<Object> values = HighlightUtils.loadFieldValues(c.fieldType, c.context.getQueryShardContext(), c.hitContext, c.forceSource);
    if (values.isEmpty()) {
      return null;
    }
    String text = values.size() == 1 ? String.valueOf(values.get(0))
        : String.join(String.valueOf(HighlightUtils.PARAGRAPH_SEPARATOR), values.stream().map(String::valueOf).toList());
    // The hit's segment alone: the library's highlighter reads its postings with segment doc ids.
    IndexSearcher segment = new IndexSearcher(c.hitContext.reader());
    segment.setQueryCache(null);
    Analyzer analyzer = c.fieldType.getTextSearchInfo().getSearchAnalyzer();
    List<String> snippets = Snippets.of(segment, analyzer, c.query, c.fieldName, new int[] {c.hitContext.docId()}, doc -> text).get(0);
    if (snippets.isEmpty()) {
      return null;
    }
    return new HighlightField(c.fieldName, snippets.stream().map(Text::new).toArray(Text[]::new));
  }
}
