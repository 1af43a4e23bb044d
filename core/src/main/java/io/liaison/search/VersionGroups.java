package io.liaison.search;

import io.liaison.index.Fields;
import io.liaison.index.IndexLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Puts each hit's language version ({@link VersionLinker}) beside it: the version is shown with the
 * hit and, lower on the list, not again. Reads only doc-value columns, never stored documents.
 */
final class VersionGroups {
  /** A hit and the doc number of its version, or -1. */
  record Group(ScoreDoc hit, int version) {}

  private VersionGroups() {}

  /** True when the reader's commit was linked and holds at least one pair. */
  static boolean linked(IndexReader reader) throws IOException {
    if (!(reader instanceof DirectoryReader directory)) {
      return false;
    }
    String pairs = directory.getIndexCommit().getUserData().get(IndexLayout.VERSION_PAIRS_KEY);
    return pairs != null && !pairs.equals("0");
  }

  /**
   * The ranked hits as groups, in rank order. With {@code absorb}, a hit that is the version of a
   * higher hit is left out (it is shown with that hit); without, every hit stays and versions are
   * only attached.
   */
  static List<Group> of(IndexReader reader, ScoreDoc[] ranked, boolean absorb) throws IOException {
    List<Group> groups = new ArrayList<>(ranked.length);
    Set<Integer> shown = new HashSet<>();
    for (ScoreDoc hit : ranked) {
      if (!shown.add(hit.doc)) {
        continue;
      }
      int version = versionOf(reader, hit.doc);
      if (absorb && version >= 0) {
        shown.add(version);
      }
      groups.add(new Group(hit, version));
    }
    return groups;
  }

  /** The doc number of the document's live version, or -1. */
  static int versionOf(IndexReader reader, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    BinaryDocValues column = leaf.reader().getBinaryDocValues(Fields.VERSION);
    if (column == null || !column.advanceExact(doc - leaf.docBase)) {
      return -1;
    }
    BytesRef id = column.binaryValue();
    if (id.length == 0 || (id.length == 1 && id.bytes[id.offset] == 0)) {
      return -1;
    }
    return docOf(reader, BytesRef.deepCopyOf(id));
  }

  private static int docOf(IndexReader reader, BytesRef id) throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      Terms terms = r.terms(Fields.ID);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      if (!te.seekExact(id)) {
        continue;
      }
      Bits live = r.getLiveDocs();
      PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
      for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
        if (live == null || live.get(d)) {
          return leaf.docBase + d;
        }
      }
    }
    return -1;
  }

  /** The version's id, title and language, from the doc-value columns. */
  static Version describe(IndexReader reader, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    int d = doc - leaf.docBase;
    return new Version(sorted(leaf.reader(), Fields.ID, d), binary(leaf.reader(), Fields.TITLE_COLUMN, d),
        sorted(leaf.reader(), Fields.LANG, d));
  }

  private static String sorted(LeafReader r, String field, int d) throws IOException {
    SortedDocValues v = r.getSortedDocValues(field);
    return v != null && v.advanceExact(d) ? v.lookupOrd(v.ordValue()).utf8ToString() : "";
  }

  private static String binary(LeafReader r, String field, int d) throws IOException {
    BinaryDocValues v = r.getBinaryDocValues(field);
    return v != null && v.advanceExact(d) ? v.binaryValue().utf8ToString() : "";
  }
}
