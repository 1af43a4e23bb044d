package io.liaison.query;

import io.liaison.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/** Aliases mined from the indexed documents: each name maps to its other names and the documents stating them. */
public final class AliasTable {
  private static final AliasTable EMPTY = new AliasTable(Map.of());

  /** key → (other name as written → ids of the documents that paired them). */
  private final Map<String, Map<String, List<String>>> table;

  private AliasTable(Map<String, Map<String, List<String>>> table) {
    this.table = table;
  }

  public static AliasTable empty() {
    return EMPTY;
  }

  /**
   * Reads the aliases stored with the documents of an index, in document order: from the alias
   * column, or from the stored fields for documents indexed before the column existed.
   */
  public static AliasTable read(IndexReader reader) throws IOException {
    Map<String, List<String>> byDocument = new LinkedHashMap<>();
    Term has = new Term(Fields.HAS_ALIAS, "1");
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      PostingsEnum docs = r.postings(has, PostingsEnum.NONE);
      if (docs == null) {
        continue;
      }
      Bits live = r.getLiveDocs();
      FieldInfo info = r.getFieldInfos().fieldInfo(Fields.ALIAS_COLUMN);
      BinaryDocValues column = info != null && info.getDocValuesType() == DocValuesType.BINARY
          ? r.getBinaryDocValues(Fields.ALIAS_COLUMN)
          : null;
      SortedDocValues ids = column == null ? null : r.getSortedDocValues(Fields.ID);
      StoredFields stored = null;
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        if (column != null && column.advanceExact(doc) && ids != null && ids.advanceExact(doc)) {
          byDocument.put(ids.lookupOrd(ids.ordValue()).utf8ToString(), Fields.decodeAliases(column.binaryValue()));
        } else {
          stored = stored == null ? r.storedFields() : stored;
          Document d = stored.document(doc, Set.of(Fields.ID, Fields.ALIAS));
          byDocument.put(d.get(Fields.ID), List.of(d.getValues(Fields.ALIAS)));
        }
      }
    }
    return of(byDocument);
  }

  /**
   * The table of stored aliases wherever they are kept (an OpenSearch index, say): document id →
   * its {@link Fields#ALIAS} values, each {@code term<TAB>term}.
   */
  public static AliasTable of(Map<String, List<String>> aliasesByDocument) {
    Map<String, Map<String, List<String>>> table = new HashMap<>();
    aliasesByDocument.forEach((id, pairs) -> {
      for (String pair : pairs) {
        int tab = pair.indexOf('\t');
        if (tab <= 0) {
          continue;
        }
        String a = pair.substring(0, tab);
        String b = pair.substring(tab + 1);
        put(table, a, b, id);
        put(table, b, a, id);
      }
    });
    for (Map<String, List<String>> m : table.values()) {
      m.replaceAll((k, v) -> List.copyOf(v.stream().distinct().sorted().toList()));
    }
    return new AliasTable(Collections.unmodifiableMap(table));
  }

  private static void put(Map<String, Map<String, List<String>>> table, String from, String to, String id) {
    table.computeIfAbsent(TermKey.of(from), k -> new LinkedHashMap<>())
        .computeIfAbsent(to, k -> new ArrayList<>())
        .add(id);
  }

  /** The other names of a term (matched after folding case and script), with their source documents. */
  public Map<String, List<String>> aliasesOf(String term) {
    return table.getOrDefault(TermKey.of(term), Map.of());
  }

  public int size() {
    return table.size();
  }
}
