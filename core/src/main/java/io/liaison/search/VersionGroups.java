package io.liaison.search;

import io.liaison.index.Fields;
import io.liaison.index.IndexLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * Puts each hit's versions ({@link VersionLinker}: in the other language, in the other Chinese
 * script, and the other script's of the one in the other language) beside it: they are shown with
 * the hit and, lower on the list, not again. Reads only doc-value columns, never stored documents.
 */
final class VersionGroups {
  /** A hit and the doc numbers of its versions, the one in the other language first. */
  record Group(ScoreDoc hit, List<Integer> versions) {}

  private VersionGroups() {}

  /**
   * How many documents a group can hold in the reader's commit: 1 when it has no pairs, 2 with
   * pairs of one kind, 3 with both (English, Simplified and Traditional).
   */
  static int groupSize(IndexReader reader) throws IOException {
    return 1 + (int) pairCounts(reader).stream().filter(n -> n > 0).count();
  }

  /** How many documents of the reader's commit have a version, as the commit's pair counts say (each pair links two). */
  static int linkedDocuments(IndexReader reader) throws IOException {
    return 2 * pairCounts(reader).stream().mapToInt(Integer::intValue).sum();
  }

  /** The commit's pair counts, language then script; 0 for a kind it does not record. */
  private static List<Integer> pairCounts(IndexReader reader) throws IOException {
    if (!(reader instanceof DirectoryReader directory)) {
      return List.of(0, 0);
    }
    Map<String, String> data = directory.getIndexCommit().getUserData();
    return List.of(IndexLayout.VERSION_PAIRS_KEY, IndexLayout.SCRIPT_PAIRS_KEY).stream()
        .map(key -> Integer.parseInt(data.getOrDefault(key, "0")))
        .toList();
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
      List<Integer> versions = versionsOf(reader, hit.doc);
      if (absorb) {
        shown.addAll(versions);
      }
      groups.add(new Group(hit, versions));
    }
    return groups;
  }

  /**
   * The doc numbers of the document's live versions, at most two: in the other language, in the
   * other script, and, for the one of them it lacks, its version's (an English text's Simplified
   * and Traditional versions, when it is linked to one of them).
   */
  static List<Integer> versionsOf(IndexReader reader, int doc) throws IOException {
    List<Integer> versions = new ArrayList<>(2);
    int language = versionOf(reader, doc, Fields.VERSION);
    int script = versionOf(reader, doc, Fields.SCRIPT_VERSION);
    for (int v : new int[] {language, script,
        language < 0 || script >= 0 ? -1 : versionOf(reader, language, Fields.SCRIPT_VERSION),
        script < 0 || language >= 0 ? -1 : versionOf(reader, script, Fields.VERSION)}) {
      if (v >= 0 && v != doc && !versions.contains(v)) {
        versions.add(v);
      }
    }
    return versions;
  }

  /** The doc number of the document's live version in {@code column}, or -1. */
  private static int versionOf(IndexReader reader, int doc, String field) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    BinaryDocValues column = leaf.reader().getBinaryDocValues(field);
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

  /** The version's id, title, language and script, from the doc-value columns. */
  static Version describe(IndexReader reader, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    int d = doc - leaf.docBase;
    return new Version(sorted(leaf.reader(), Fields.ID, d), binary(leaf.reader(), Fields.TITLE_COLUMN, d),
        sorted(leaf.reader(), Fields.LANG, d), sorted(leaf.reader(), Fields.SCRIPT, d));
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
