package io.liaison.index;

import io.liaison.analysis.ChineseScript;
import io.liaison.analysis.HanBigramAnalyzer;
import io.liaison.analysis.LiaisonAnalyzer;
import io.liaison.ingest.ExtractedDocument;
import io.liaison.ingest.Language;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

/** The index schema: field names, how each is indexed, and the analyzer that goes with it. */
public final class Fields {
  public static final String ID = "id";
  public static final String TITLE = "title";
  public static final String BODY = "body";
  /**
   * The overlapping Han bigrams of the title and the body ({@link HanBigramAnalyzer}), indexed
   * only: the Chinese words of a query match here however SmartCN cut them in the text.
   */
  public static final String HAN_BIGRAMS = "han_bigrams";
  public static final String LANG = "lang";
  public static final String FOLDER = "folder";
  public static final String SIZE = "size";
  public static final String MODIFIED = "modified";
  public static final String HASH = "hash";
  /** Aliases mined from this document: stored values {@code term<TAB>term}. */
  public static final String ALIAS = "alias";
  /**
   * The same aliases as one binary doc value ({@link #encodeAliases}), so the alias table loads
   * without decompressing stored documents. A field of its own: Lucene does not let a field gain
   * doc values in an index whose older segments have it without them.
   */
  public static final String ALIAS_COLUMN = "alias.column";
  /** The title as a binary doc value, for the suggester (reading stored titles decompresses whole bodies too). */
  public static final String TITLE_COLUMN = "title.column";
  /**
   * The id of the document's version in the other language, as a binary doc value that linking
   * ({@code io.liaison.search.VersionLinker}) updates in place: empty on a document just indexed
   * (not yet looked at), a NUL character when it has no version. Every document carries it, because
   * Lucene updates only doc-value fields the index already has.
   */
  public static final String VERSION = "version";
  /**
   * The script of a document holding Chinese text, {@code Hans} or {@code Hant} ({@link
   * ChineseScript#script}), indexed and as a sorted doc value; absent on English documents.
   */
  public static final String SCRIPT = "script";
  /**
   * The id of the document's version in the other Chinese script (a Simplified text and its
   * Traditional conversion), kept as {@link #VERSION} is.
   */
  public static final String SCRIPT_VERSION = "version.script";
  /**
   * The title and body said in the other language word by word ({@link io.liaison.lexicon.DocumentRenderer}), indexed
   * only, with the bigrams' options: a query's own words match a page here that its translation
   * missed (format 4).
   */
  public static final String RENDERED = "rendered";
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

  /**
   * {@link #HAN_BIGRAMS}: documents and frequencies, no positions, nothing stored. A longer word is
   * matched as all of its bigrams rather than their phrase (ConceptQueryBuilder); the positions were
   * much of the field's indexing cost and measured no ranking (format 3; format 2 kept them).
   */
  private static final FieldType BIGRAMS = new FieldType();

  static {
    BIGRAMS.setTokenized(true);
    BIGRAMS.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    BIGRAMS.freeze();
  }

  private Fields() {}

  /** The analyzer for every field: {@link LiaisonAnalyzer} for text, exact keywords for the rest. */
  public static Analyzer analyzer(boolean traditionalToSimplified) {
    Analyzer keyword = new KeywordAnalyzer();
    return new PerFieldAnalyzerWrapper(
        new LiaisonAnalyzer(traditionalToSimplified),
        Map.of(ID, keyword, LANG, keyword, FOLDER, keyword, HASH, keyword, SCRIPT, keyword,
            HAN_BIGRAMS, new HanBigramAnalyzer(traditionalToSimplified)));
  }

  /**
   * The order of the documents in every segment: by {@link #SCRIPT}, English pages (no script)
   * first, then Simplified, then Traditional. A search held to one script (the Traditional branch
   * of a concept with a Taiwan form, in the query package's ConceptQueryBuilder.inField; the search
   * for a page's version in the other script, in VersionLinker) then reads that script's stretch of
   * each posting list instead of skipping through all of it: at 100k documents linking took 243 s
   * instead of 423 s (bench/perf/RESULTS.md, session 61). Scores do not change; hits of equal
   * score may change places (none did on the 48 sets of bench/crosslang).
   */
  public static Sort indexSort() {
    return new Sort(new SortField(SCRIPT, SortField.Type.STRING));
  }

  /** The {@link #SCRIPT} of a document: its Chinese text's script; empty for an English document. */
  public static Optional<String> script(ExtractedDocument d) {
    return d.language() == Language.EN ? Optional.empty() : ChineseScript.script(d.title() + "\n" + d.body());
  }

  /** Builds the Lucene document for an extracted file. */
  public static Document toDocument(ExtractedDocument d, Iterable<String> aliases) {
    return toDocument(d, aliases, List.of());
  }

  /**
   * Builds the Lucene document for an extracted file, with its {@link #RENDERED rendering} as
   * already analysed terms (none: no field).
   */
  public static Document toDocument(ExtractedDocument d, Iterable<String> aliases, List<String> renderedTerms) {
    Document doc = new Document();
    doc.add(new StringField(ID, d.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(ID, new BytesRef(d.id())));
    doc.add(new Field(TITLE, d.title(), TEXT_WITH_OFFSETS));
    doc.add(new BinaryDocValuesField(TITLE_COLUMN, new BytesRef(d.title())));
    doc.add(new Field(BODY, d.body(), TEXT_WITH_OFFSETS));
    doc.add(new Field(HAN_BIGRAMS, d.title(), BIGRAMS));
    doc.add(new Field(HAN_BIGRAMS, d.body(), BIGRAMS));
    if (!renderedTerms.isEmpty()) {
      doc.add(new Field(RENDERED, RenderedTerms.stream(renderedTerms), BIGRAMS));
    }
    doc.add(new StringField(LANG, d.language().code(), Field.Store.YES));
    doc.add(new SortedDocValuesField(LANG, new BytesRef(d.language().code())));
    doc.add(new StringField(FOLDER, d.folder(), Field.Store.YES));
    doc.add(new SortedDocValuesField(FOLDER, new BytesRef(d.folder())));
    doc.add(new LongPoint(SIZE, d.size()));
    doc.add(new StoredField(SIZE, d.size()));
    doc.add(new LongPoint(MODIFIED, d.modified()));
    doc.add(new StoredField(MODIFIED, d.modified()));
    doc.add(new StringField(HASH, d.hash(), Field.Store.YES));
    doc.add(new BinaryDocValuesField(VERSION, new BytesRef()));
    doc.add(new BinaryDocValuesField(SCRIPT_VERSION, new BytesRef()));
    script(d).ifPresent(script -> {
      doc.add(new StringField(SCRIPT, script, Field.Store.NO));
      doc.add(new SortedDocValuesField(SCRIPT, new BytesRef(script)));
    });
    List<String> all = new ArrayList<>();
    for (String alias : aliases) {
      doc.add(new StoredField(ALIAS, alias));
      all.add(alias);
    }
    if (!all.isEmpty()) {
      doc.add(new StringField(HAS_ALIAS, "1", Field.Store.NO));
      doc.add(new BinaryDocValuesField(ALIAS_COLUMN, encodeAliases(all)));
    }
    return doc;
  }

  /** The {@link #ALIAS_COLUMN} doc value: the number of aliases, then each as UTF-8 bytes, every number a 4-byte int. */
  public static BytesRef encodeAliases(List<String> aliases) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeInt(out, aliases.size());
    for (String a : aliases) {
      byte[] bytes = a.getBytes(StandardCharsets.UTF_8);
      writeInt(out, bytes.length);
      out.writeBytes(bytes);
    }
    return new BytesRef(out.toByteArray());
  }

  /** Reads what {@link #encodeAliases} wrote, in the same order. */
  public static List<String> decodeAliases(BytesRef value) {
    byte[] b = value.bytes;
    int pos = value.offset;
    int n = readInt(b, pos);
    pos += 4;
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int len = readInt(b, pos);
      pos += 4;
      out.add(new String(b, pos, len, StandardCharsets.UTF_8));
      pos += len;
    }
    return out;
  }

  private static void writeInt(ByteArrayOutputStream out, int v) {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
  }

  private static int readInt(byte[] b, int pos) {
    return (b[pos] & 0xff) << 24 | (b[pos + 1] & 0xff) << 16 | (b[pos + 2] & 0xff) << 8 | (b[pos + 3] & 0xff);
  }
}
