package io.liaison.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * How many of some unscored weights a document of one segment matches, asked in increasing
 * document order (started again if not): {@link CoordinationQuery}'s concepts, {@link
 * ContentMatchQuery}'s content. A part's scorer iterator confirms two-phase matches (phrases).
 */
final class MatchCounter {
  private final List<Weight> parts;
  private final LeafReaderContext context;
  private DocIdSetIterator[] matches;
  private int last = -1;

  MatchCounter(List<Weight> parts, LeafReaderContext context) {
    this.parts = parts;
    this.context = context;
  }

  int matched(int doc) throws IOException {
    if (matches == null || doc < last) {
      List<DocIdSetIterator> its = new ArrayList<>(parts.size());
      for (Weight part : parts) {
        Scorer s = part.scorer(context);
        if (s != null) {
          its.add(s.iterator());
        }
      }
      matches = its.toArray(DocIdSetIterator[]::new);
    }
    last = doc;
    int matched = 0;
    for (DocIdSetIterator c : matches) {
      if (c.docID() < doc) {
        c.advance(doc);
      }
      if (c.docID() == doc) {
        matched++;
      }
    }
    return matched;
  }
}
