package io.liaison.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The snippets of a hit: up to {@value #PASSAGES} passages of a field, matches in {@code <mark>},
 * text HTML-escaped, whitespace collapsed; a passage is a sentence, and never runs from one block
 * (a heading, a paragraph) into the next ({@link BlockBreakIterator}). The one place they are
 * made, for the local index and, through the plugin's highlighter, on a cluster's shards, so both
 * show the same snippets.
 */
public final class Snippets {
  /** Passages per hit. */
  public static final int PASSAGES = 2;

  /** Lucene's passage scoring, without its per-passage allocations. Stateless. */
  private static final PassageRanking PASSAGE_RANKING = new PassageRanking();

  private Snippets() {}

  /**
   * Snippets of {@code field} for each of {@code docIds} (ids in {@code searcher}'s reader), in
   * order; an empty list for a document without the field.
   *
   * @param text the field's text of a document, for indexes that keep it outside stored fields
   *     (OpenSearch's {@code _source}); null to read the stored field
   */
  public static List<List<String>> of(IndexSearcher searcher, Analyzer analyzer, Query query, String field, int[] docIds,
      IntFunction<String> text) throws IOException {
    if (docIds.length == 0) {
      return List.of();
    }
    Highlighter highlighter = new Highlighter(UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new SnippetFormatter())
        .withScorer(PASSAGE_RANKING)
        .withMaxNoHighlightPassages(1)
        .withHandleMultiTermQuery(true)
        .withHighlightPhrasesStrictly(true)
        .withBreakIterator(() -> new BlockBreakIterator(BreakIterator.getSentenceInstance(Locale.ROOT))), text);
    Object[] passages = highlighter.passages(field, HighlightQuery.forField(query, field), docIds);
    List<List<String>> out = new ArrayList<>(docIds.length);
    for (Object p : passages) {
      @SuppressWarnings("unchecked")
      List<String> list = p == null ? List.of() : (List<String>) p;
      out.add(list);
    }
    return out;
  }

  /** Exposes the highlighter's per-passage output, which {@link SnippetFormatter} returns as lists. */
  private static final class Highlighter extends UnifiedHighlighter {
    private final IntFunction<String> text;

    Highlighter(UnifiedHighlighter.Builder builder, IntFunction<String> text) {
      super(builder);
      this.text = text;
    }

    Object[] passages(String field, Query query, int[] docIds) throws IOException {
      Map<String, Object[]> byField = highlightFieldsAsObjects(new String[] {field}, query, docIds, new int[] {PASSAGES});
      return byField.get(field);
    }

    @Override
    protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
      boolean weightMatches = components.highlightFlags().contains(HighlightFlag.WEIGHT_MATCHES);
      return source == OffsetSource.POSTINGS && weightMatches
          ? new LeafWeightOffsetStrategy(components)
          : super.getOffsetStrategy(source, components);
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
        throws IOException {
      if (text == null) {
        return super.loadFieldValues(fields, docIter, cacheCharsThreshold);
      }
      // As the stored-field reader would: at most getMaxLength() characters of each field.
      List<CharSequence[]> values = new ArrayList<>();
      for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
        String t = text.apply(doc);
        t = t == null ? "" : t.length() > getMaxLength() ? t.substring(0, getMaxLength()) : t;
        CharSequence[] perField = new CharSequence[fields.length];
        Arrays.fill(perField, t);
        values.add(perField);
      }
      return values;
    }
  }
}
