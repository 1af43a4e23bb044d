package io.liaison.search;

import io.liaison.index.Fields;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts matching documents, in all and per language and per folder, from doc values (through
 * {@link FacetOrdinals}), without scoring them.
 */
final class FacetCounts implements CollectorManager<FacetCounts.Counter, FacetCounts.Result> {
  static final List<String> FIELDS = List.of(Fields.LANG, Fields.FOLDER);

  /**
   * @param total the number of matching documents
   * @param facets per field, the count of each value, largest first (ties by value)
   */
  record Result(long total, Map<String, Map<String, Long>> facets) {}

  @Override
  public Counter newCollector() {
    return new Counter();
  }

  @Override
  public Result reduce(Collection<Counter> collectors) {
    long total = 0;
    for (Counter c : collectors) {
      total += c.total;
    }
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (String f : FIELDS) {
      Map<String, Long> merged = new HashMap<>();
      for (Counter c : collectors) {
        c.counts.get(f).forEach((k, v) -> merged.merge(k, v, Long::sum));
      }
      Map<String, Long> sorted = new LinkedHashMap<>();
      merged.entrySet().stream()
          .sorted((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey()) : Long.compare(b.getValue(), a.getValue()))
          .forEach(e -> sorted.put(e.getKey(), e.getValue()));
      out.put(f, sorted);
    }
    return new Result(total, out);
  }

  static final class Counter implements Collector {
    final Map<String, Map<String, Long>> counts = new HashMap<>();
    long total;

    Counter() {
      FIELDS.forEach(f -> counts.put(f, new HashMap<>()));
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      FacetOrdinals ordinals = FacetOrdinals.of(context.reader());
      int[] langOrds = ordinals.ords()[0];
      int[] folderOrds = ordinals.ords()[1];
      // Counted per segment ordinal; ordinals become strings once per segment, in finish(), not
      // once per matching document (a common word matches most of the index).
      int[] perLang = new int[ordinals.values()[0].getValueCount()];
      int[] perFolder = new int[ordinals.values()[1].getValueCount()];
      return new LeafCollector() {
        private int matches;

        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) {
          matches++;
          int lang = langOrds[doc];
          if (lang >= 0) {
            perLang[lang]++;
          }
          int folder = folderOrds[doc];
          if (folder >= 0) {
            perFolder[folder]++;
          }
        }

        @Override
        public void finish() throws IOException {
          total += matches;
          addCounts(FIELDS.get(0), perLang, ordinals.values()[0]);
          addCounts(FIELDS.get(1), perFolder, ordinals.values()[1]);
        }
      };
    }

    private void addCounts(String field, int[] perOrd, SortedDocValues values) throws IOException {
      Map<String, Long> out = counts.get(field);
      for (int ord = 0; ord < perOrd.length; ord++) {
        if (perOrd[ord] > 0) {
          out.merge(values.lookupOrd(ord).utf8ToString(), (long) perOrd[ord], Long::sum);
        }
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
