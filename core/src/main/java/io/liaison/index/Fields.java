package io.liaison.index;

import io.liaison.analysis.LiaisonAnalyzer;
import io.liaison.ingest.ExtractedDocument;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/** The index schema: field names, how each is indexed, and the analyzer that goes with it. */
public final class Fields {
  public static final String ID = "id";
  public static final String TITLE = "title";
  public static final String BODY = "body";
  public static final String LANG = "lang";
  public static final String FOLDER = "folder";
  public static final String SIZE = "size";
  public static final String MODIFIED = "modified";
  public static final String HASH = "hash";
  /** Aliases mined from this document: stored values {@code term<TAB>term}. */
  public static final String ALIAS = "alias";
  /** Set to {@code 1} on documents that hold aliases, so they are found without a full scan. */
  public static final String HAS_ALIAS = "has_alias";

  /** Text fields with offsets in the postings, so snippets need no re-analysis. */
  private static final FieldType TEXT_WITH_OFFSETS = new FieldType();

  static {
    TEXT_WITH_OFFSETS.setTokenized(true);
    TEXT_WITH_OFFSETS.setStored(true);
    TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    TEXT_WITH_OFFSETS.freeze();
  }

  private Fields() {}

  /** The analyzer for every field: {@link LiaisonAnalyzer} for text, exact keywords for the rest. */
  public static Analyzer analyzer(boolean traditionalToSimplified) {
    Analyzer keyword = new KeywordAnalyzer();
    return new PerFieldAnalyzerWrapper(
        new LiaisonAnalyzer(traditionalToSimplified),
        Map.of(ID, keyword, LANG, keyword, FOLDER, keyword, HASH, keyword));
  }

  /** Builds the Lucene document for an extracted file. */
  public static Document toDocument(ExtractedDocument d, Iterable<String> aliases) {
    Document doc = new Document();
    doc.add(new StringField(ID, d.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(ID, new BytesRef(d.id())));
    doc.add(new Field(TITLE, d.title(), TEXT_WITH_OFFSETS));
    doc.add(new Field(BODY, d.body(), TEXT_WITH_OFFSETS));
    doc.add(new StringField(LANG, d.language().code(), Field.Store.YES));
    doc.add(new SortedDocValuesField(LANG, new BytesRef(d.language().code())));
    doc.add(new StringField(FOLDER, d.folder(), Field.Store.YES));
    doc.add(new SortedDocValuesField(FOLDER, new BytesRef(d.folder())));
    doc.add(new LongPoint(SIZE, d.size()));
    doc.add(new StoredField(SIZE, d.size()));
    doc.add(new LongPoint(MODIFIED, d.modified()));
    doc.add(new StoredField(MODIFIED, d.modified()));
    doc.add(new StringField(HASH, d.hash(), Field.Store.YES));
    boolean any = false;
    for (String alias : aliases) {
      doc.add(new StoredField(ALIAS, alias));
      any = true;
    }
    if (any) {
      doc.add(new StringField(HAS_ALIAS, "1", Field.Store.NO));
    }
    return doc;
  }
}
