package io.liaison.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * The indexer a Lucene user writes first: one thread, SmartChineseAnalyzer, no translation, no
 * alias mining, no Traditional folding. Same corpus files and same commit-at-the-end as
 * {@code liaison index}; the body is stored, as Liaison stores it for snippets.
 *
 * <p>{@code java -cp benchmarks.jar io.liaison.bench.PlainLuceneIndexer CORPUS INDEX}
 */
public final class PlainLuceneIndexer {
  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]);
    Path index = Path.of(args[1]);
    long start = System.nanoTime();
    List<Path> files = Corpus.files(corpus);
    long bytes = 0;
    IndexWriterConfig config = new IndexWriterConfig(new SmartChineseAnalyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(128);
    try (FSDirectory dir = FSDirectory.open(index); IndexWriter writer = new IndexWriter(dir, config)) {
      for (Path file : files) {
        byte[] raw = Files.readAllBytes(file);
        bytes += raw.length;
        String text = new String(raw, StandardCharsets.UTF_8);
        Document doc = new Document();
        doc.add(new StringField("id", corpus.relativize(file).toString(), Field.Store.YES));
        doc.add(new TextField("body", text, Field.Store.YES));
        writer.addDocument(doc);
      }
      writer.commit();
    }
    double s = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "plain-lucene docs=%d bytes=%d seconds=%.2f MB/s=%.2f docs/s=%.0f%n",
        files.size(), bytes, s, bytes / 1048576.0 / s, files.size() / s);
  }
}
