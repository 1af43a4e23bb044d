package io.liaison.search;

import io.liaison.index.Fields;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/** Counts matching documents per language and per folder, from doc values, in the same pass as the hits. */
final class FacetCounts implements CollectorManager<FacetCounts.Counter, Map<String, Map<String, Long>>> {
  static final List<String> FIELDS = List.of(Fields.LANG, Fields.FOLDER);

  @Override
  public Counter newCollector() {
    return new Counter();
  }

  @Override
  public Map<String, Map<String, Long>> reduce(Collection<Counter> collectors) {
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
    return out;
  }

  static final class Counter implements Collector {
    final Map<String, Map<String, Long>> counts = new HashMap<>();

    Counter() {
      FIELDS.forEach(f -> counts.put(f, new HashMap<>()));
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      SortedDocValues[] values = new SortedDocValues[FIELDS.size()];
      // Counted per segment ordinal; ordinals become strings once per segment, in finish(), not
      // once per matching document (a common word matches most of the index).
      int[][] perOrd = new int[FIELDS.size()][];
      for (int i = 0; i < values.length; i++) {
        values[i] = DocValues.getSorted(context.reader(), FIELDS.get(i));
        perOrd[i] = new int[values[i].getValueCount()];
      }
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          for (int i = 0; i < values.length; i++) {
            if (values[i].advanceExact(doc)) {
              perOrd[i][values[i].ordValue()]++;
            }
          }
        }

        @Override
        public void finish() throws IOException {
          for (int i = 0; i < values.length; i++) {
            Map<String, Long> field = counts.get(FIELDS.get(i));
            int[] c = perOrd[i];
            for (int ord = 0; ord < c.length; ord++) {
              if (c[ord] > 0) {
                field.merge(values[i].lookupOrd(ord).utf8ToString(), (long) c[ord], Long::sum);
              }
            }
          }
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
