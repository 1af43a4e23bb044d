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
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

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

  /** Reads the aliases stored with the documents of an index. */
  public static AliasTable read(IndexReader reader) throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    TopDocs docs = searcher.search(new TermQuery(new Term(Fields.HAS_ALIAS, "1")), Math.max(1, reader.maxDoc()));
    Map<String, List<String>> byDocument = new LinkedHashMap<>();
    StoredFields stored = reader.storedFields();
    for (ScoreDoc sd : docs.scoreDocs) {
      Document d = stored.document(sd.doc, Set.of(Fields.ID, Fields.ALIAS));
      byDocument.put(d.get(Fields.ID), List.of(d.getValues(Fields.ALIAS)));
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
