package io.liaison.index;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.liaison.ingest.TestFiles;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestIndexer {
  @TempDir Path tmp;

  private Path corpus() throws IOException {
    return Files.createDirectories(tmp.resolve("corpus"));
  }

  private Path index() {
    return tmp.resolve("index");
  }

  private static void write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  private IndexSummary index(Path corpus, boolean rebuild) throws IOException {
    return new Indexer(Indexer.Options.of(corpus, index()).withRebuild(rebuild)).run();
  }

  private Map<String, String> skips(IndexSummary s) {
    return s.skipped().stream().collect(Collectors.toMap(IndexSummary.Skipped::path, IndexSummary.Skipped::reason));
  }

  @Test
  void everyFormatAndEncodingIsIndexedAndBadFilesAreSkippedWithReasons() throws IOException {
    Path c = corpus();
    write(c.resolve("gov/gbk.html"), "<html><head><meta charset=gbk><title>政府</title></head><body>国务院</body></html>".getBytes(Charset.forName("GBK")));
    write(c.resolve("gov/big5.htm"), "<title>行政院</title><p>臺灣</p>".getBytes(Charset.forName("Big5")));
    write(c.resolve("notes/a.md"), "# 笔记\nnotes".getBytes(UTF_8));
    write(c.resolve("notes/b.txt"), TestFiles.text("正文 text", UTF_8, true));
    write(c.resolve("docs/a.pdf"), TestFiles.pdf("Report", "Liaison report text"));
    write(c.resolve("docs/a.docx"), TestFiles.docx("备忘录", "一带一路"));
    write(c.resolve("docs/a.odt"), TestFiles.odt("紀要", "對外", "paragraph"));
    write(c.resolve("docs/a.rtf"), TestFiles.rtfGbk("贸促会", "CCPIT"));
    write(c.resolve("mail/a.eml"), TestFiles.eml("通知", "开会", Charset.forName("GBK")));
    byte[] pdf = TestFiles.pdf("T", "text");
    write(c.resolve("bad/truncated.pdf"), TestFiles.truncated(pdf, pdf.length / 2));
    write(c.resolve("bad/junk.docx"), TestFiles.junk(3000, 7));
    write(c.resolve("bad/junk.txt"), TestFiles.junk(3000, 8));
    write(c.resolve("bad/empty.md"), new byte[0]);
    Files.writeString(c.resolve("ignored.exe"), "not a document");
    Path outside = Files.writeString(tmp.resolve("outside.txt"), "secret");
    Files.createSymbolicLink(c.resolve("link-out.txt"), outside);
    Files.createSymbolicLink(c.resolve("link-in.md"), c.resolve("notes/a.md"));
    Files.createSymbolicLink(c.resolve("loop-a.txt"), c.resolve("loop-b.txt"));
    Files.createSymbolicLink(c.resolve("loop-b.txt"), c.resolve("loop-a.txt"));

    IndexSummary s = index(c, false);

    assertEquals(9, s.added(), s.toString());
    assertEquals(9, s.documents());
    Map<String, String> skips = skips(s);
    assertEquals(8, skips.size(), skips.toString());
    assertEquals(List.of(new IndexSummary.UnsupportedType(".exe", 1)), s.unsupportedTypes());
    assertTrue(skips.get("bad/truncated.pdf").contains(".pdf"), skips.toString());
    assertTrue(skips.get("bad/junk.docx").contains(".docx"), skips.toString());
    assertTrue(skips.get("bad/junk.txt").contains("binary"), skips.toString());
    assertTrue(skips.get("bad/empty.md").contains("empty"), skips.toString());
    assertTrue(skips.get("link-out.txt").contains("outside the corpus"), skips.toString());
    assertTrue(skips.get("link-in.md").contains("inside the corpus"), skips.toString());
    assertTrue(skips.get("loop-a.txt").contains("loop"), skips.toString());
    assertEquals(9, hits("id", "docs/a.pdf") + hits("id", "docs/a.docx") + hits("id", "docs/a.odt") + hits("id", "docs/a.rtf")
        + hits("id", "mail/a.eml") + hits("id", "gov/gbk.html") + hits("id", "gov/big5.htm") + hits("id", "notes/a.md")
        + hits("id", "notes/b.txt"));
    assertEquals(2, hits(Fields.FOLDER, "gov"), "the folder facet");
  }

  @Test
  void filesOfTypesNotReadAreCountedPerExtensionAndHiddenOnesAreNot() throws IOException {
    Path c = corpus();
    write(c.resolve("memo.txt"), "memo".getBytes(UTF_8));
    write(c.resolve("word97/a.doc"), "not read".getBytes(UTF_8));
    write(c.resolve("word97/B.DOC"), "not read".getBytes(UTF_8));
    write(c.resolve("sheets/budget.xls"), "not read".getBytes(UTF_8));
    write(c.resolve("README"), "not read".getBytes(UTF_8));
    write(c.resolve(".DS_Store"), "finder".getBytes(UTF_8));
    write(c.resolve("word97/Thumbs.db"), "thumbnails".getBytes(UTF_8));
    write(c.resolve("desktop.ini"), "folder settings".getBytes(UTF_8));
    write(c.resolve(".git/objects/x.pack"), "hidden folder".getBytes(UTF_8));

    IndexSummary s = index(c, false);

    assertEquals(1, s.documents());
    assertEquals(List.of(new IndexSummary.UnsupportedType(".doc", 2), new IndexSummary.UnsupportedType("(no extension)", 1),
        new IndexSummary.UnsupportedType(".xls", 1)), s.unsupportedTypes());
    assertTrue(s.describe().endsWith(" skipped (" + String.format(Locale.ROOT, "%.1f", s.millis() / 1000.0)
        + " s); 4 files not indexed, of types liaison does not read: 2 .doc, 1 (no extension), 1 .xls"), s.describe());
    assertEquals(List.of(), s.skipped(), "not skipped: they were never candidates");
  }

  @Test
  void aFolderOfManyTypesStaysOneLine() {
    List<IndexSummary.UnsupportedType> types = new ArrayList<>();
    for (int i = 12; i >= 1; i--) {
      types.add(new IndexSummary.UnsupportedType(".x" + i, i));
    }
    IndexSummary s = new IndexSummary(0, 0, 0, 0, List.of(), types, 0, 0, 0);
    assertEquals("78 files not indexed, of types liaison does not read: 12 .x12, 11 .x11, 10 .x10, 9 .x9, 8 .x8, 7 .x7, "
        + "6 .x6, 5 .x5 and 10 files of 4 other types", s.describeUnsupported());
    assertEquals("0 documents: 0 added, 0 updated, 0 deleted, 0 unchanged, 0 skipped (0.0 s)",
        new IndexSummary(0, 0, 0, 0, List.of(), 0, 0, 0).describe(), "nothing added when every type was read");
  }

  @Test
  void secondRunCountsAddedUpdatedDeletedUnchanged() throws IOException {
    Path c = corpus();
    for (int i = 0; i < 5; i++) {
      write(c.resolve("f" + i + ".txt"), ("document " + i).getBytes(UTF_8));
    }
    IndexSummary first = index(c, false);
    assertEquals(5, first.added());

    FileTime fixed = FileTime.fromMillis(1_600_000_000_000L);
    Files.setLastModifiedTime(c.resolve("f0.txt"), fixed);
    IndexSummary touched = index(c, false);
    assertEquals(5, touched.unchanged(), "a touched file with the same content is unchanged");
    assertEquals(0, touched.updated());

    // Same size, same time, other content: the cheap check trusts size+mtime and reads nothing.
    Files.writeString(c.resolve("f0.txt"), "documenX 0");
    Files.setLastModifiedTime(c.resolve("f0.txt"), fixed);
    assertEquals(5, index(c, false).unchanged());

    Files.writeString(c.resolve("f1.txt"), "document one, rewritten");
    Files.delete(c.resolve("f2.txt"));
    write(c.resolve("sub/new.txt"), "brand new".getBytes(UTF_8));
    IndexSummary second = index(c, false);
    assertEquals(1, second.added(), second.describe());
    assertEquals(1, second.updated(), second.describe());
    assertEquals(1, second.deleted(), second.describe());
    assertEquals(3, second.unchanged(), second.describe());
    assertEquals(5, second.documents());

    IndexSummary rebuilt = index(c, true);
    assertEquals(5, rebuilt.added());
    assertEquals(5, rebuilt.documents());
  }

  @Test
  void anIndexFoldedOtherwiseIsRefusedWithWhatToDoAndKeepsItsDocumentsUntilRebuilt() throws IOException {
    Path c = corpus();
    write(c.resolve("a.txt"), "中國經濟聯絡中心".getBytes(UTF_8));
    write(c.resolve("b.txt"), "economic liaison".getBytes(UTF_8));
    index(c, false);
    assertEquals(1, hits(Fields.BODY, "经济"), "Traditional folded to Simplified by default");
    write(c.resolve("c.txt"), "a third file".getBytes(UTF_8));

    Indexer.Options unfolded = Indexer.Options.of(c, index()).withTraditionalToSimplified(false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Indexer(unfolded).run());
    assertEquals("the index at " + index() + " was built with different Traditional->Simplified settings;"
        + " rebuild it with --rebuild", e.getMessage());
    assertEquals(2, docCount(), "the refused run changed nothing");
    assertEquals(1, hits(Fields.BODY, "经济"));

    assertEquals(3, new Indexer(unfolded.withRebuild(true)).run().documents());
    assertEquals(0, hits(Fields.BODY, "经济"), "rebuilt without folding");
    assertEquals(3, new Indexer(unfolded).run().unchanged(), "the same settings again need no rebuild");
    assertThrows(IllegalArgumentException.class, () -> index(c, false), "and folding on is now the other setting");
    assertClean();
  }

  @Test
  void aCorpusWithNothingToIndexDoesNotEmptyAnIndexUnlessAllowed() throws IOException {
    Path c = corpus();
    for (int i = 0; i < 3; i++) {
      write(c.resolve("f" + i + ".txt"), ("document " + i).getBytes(UTF_8));
    }
    index(c, false);
    // What an unmounted share looks like: the mount point is there, empty.
    for (int i = 0; i < 3; i++) {
      Files.delete(c.resolve("f" + i + ".txt"));
    }
    for (boolean rebuild : new boolean[] {false, true}) {
      EmptyCorpusException e = assertThrows(EmptyCorpusException.class, () -> index(c, rebuild));
      assertEquals(3, e.documents());
      assertTrue(e.getMessage().contains("has no file liaison can index, but the index at " + index() + " holds 3 documents,"
          + " which this run would delete; check that the folder is the right one and is mounted, or run again with"
          + " --allow-empty"), e.getMessage());
      assertEquals(3, docCount(), "nothing deleted, rebuild " + rebuild);
    }

    write(c.resolve("old.doc"), "Word 97".getBytes(UTF_8));
    EmptyCorpusException types = assertThrows(EmptyCorpusException.class, () -> index(c, false));
    assertTrue(types.getMessage().contains("has no file liaison can index (only files of types it does not read: 1 .doc)"),
        types.getMessage());
    Files.createSymbolicLink(c.resolve("link.txt"), Files.writeString(tmp.resolve("outside.txt"), "outside"));
    EmptyCorpusException links = assertThrows(EmptyCorpusException.class, () -> index(c, false));
    assertTrue(links.getMessage().contains("(only files of types it does not read: 1 .doc; 1 entry it cannot read or follow,"
        + " such as link.txt: symbolic link to "), links.getMessage());

    IndexSummary emptied = new Indexer(Indexer.Options.of(c, index()).withAllowEmpty(true)).run();
    assertEquals(3, emptied.deleted(), emptied.describe());
    assertEquals(0, emptied.documents());
    assertEquals(0, docCount());
  }

  @Test
  void aCorpusWithNothingToIndexMayBuildAnEmptyIndexWhereThereWasNone() throws IOException {
    Path c = corpus();
    IndexSummary first = index(c, false);
    assertEquals(0, first.documents());
    assertEquals(0, index(c, false).documents(), "an empty index has nothing to lose either");
  }

  @Test
  void oversizedSlowAndUnreadableFilesAreSkipped() throws IOException {
    Path c = corpus();
    write(c.resolve("big.txt"), "x".repeat(2 * 1024 * 1024).getBytes(UTF_8));
    write(c.resolve("ok.txt"), "fine".getBytes(UTF_8));
    IndexSummary s = new Indexer(Indexer.Options.of(c, index()).withMaxFileBytes(1024 * 1024)).run();
    assertTrue(skips(s).get("big.txt").contains("larger than the limit"), s.skipped().toString());
    assertEquals(1, s.documents());

    // A 1 ms limit cannot be met by a 2 MB file: stands in for a parser that hangs.
    IndexSummary slow = new Indexer(Indexer.Options.of(c, index()).withRebuild(true).withFileTimeout(Duration.ofMillis(1))).run();
    assertTrue(skips(slow).get("big.txt").contains("time limit"), slow.skipped().toString());
  }

  @Test
  void unreadableFileIsSkipped() throws IOException {
    Path c = corpus();
    Path secret = c.resolve("secret.txt");
    write(secret, "hidden".getBytes(UTF_8));
    write(c.resolve("ok.txt"), "fine".getBytes(UTF_8));
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(secret), "running as root: chmod 000 does not stop root from reading");
    IndexSummary s = index(c, false);
    assertTrue(skips(s).get("secret.txt").contains("permission denied"), s.skipped().toString());
    assertEquals(1, s.documents());
  }

  @Test
  void aLiveWriterLockIsReportedNotBroken() throws IOException {
    Path c = corpus();
    write(c.resolve("a.txt"), "a".getBytes(UTF_8));
    index(c, false);
    try (FSDirectory dir = FSDirectory.open(index());
        IndexWriter other = new IndexWriter(dir, new IndexWriterConfig())) {
      IOException e = assertThrows(IOException.class, () -> index(c, false));
      assertTrue(e.getMessage().contains("another process is writing"), e.getMessage());
    }
  }

  @Test
  void readersSeeTheLastCommitWhileARebuildRuns() throws IOException {
    Path c = corpus();
    for (int i = 0; i < 40; i++) {
      write(c.resolve("old" + i + ".txt"), ("alpha " + i).getBytes(UTF_8));
    }
    index(c, false);
    for (int i = 0; i < 40; i++) {
      Files.delete(c.resolve("old" + i + ".txt"));
      write(c.resolve("new" + i + ".txt"), ("beta " + i).getBytes(UTF_8));
    }
    List<Integer> seenMidRun = new ArrayList<>();
    AtomicInteger checks = new AtomicInteger();
    new Indexer(Indexer.Options.of(c, index()).withRebuild(true).withThreads(1)).run(new IndexProgress() {
      @Override
      public void advanced(int done, int total, long bytesRead) {
        if (done == 20 && checks.getAndIncrement() == 0) {
          seenMidRun.add(uncheckedHits(Fields.ID, "old3.txt"));
          seenMidRun.add(uncheckedDocCount());
        }
      }

      @Override
      public void committing() {
        seenMidRun.add(uncheckedDocCount());
      }
    });
    assertEquals(List.of(1, 40, 40), seenMidRun, "hits for an old file, then documents, mid-run and at commit");
    assertEquals(0, hits(Fields.ID, "old3.txt"));
    assertEquals(1, hits(Fields.ID, "new3.txt"));
  }

  @Test
  void aFormat2IndexWithBigramPositionsIsRewrittenWithoutThem() throws IOException {
    Path c = corpus();
    write(c.resolve("a.txt"), "命令提示符".getBytes(UTF_8));
    // As format 2 wrote it: the bigram field with positions. Lucene keeps one set of index options
    // per field, so format 3's documents cannot be added beside these.
    FieldType withPositions = new FieldType();
    withPositions.setTokenized(true);
    withPositions.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    try (FSDirectory dir = FSDirectory.open(index());
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Fields.analyzer(true)))) {
      Document d = new Document();
      d.add(new StringField(Fields.ID, "old.txt", Field.Store.YES));
      d.add(new SortedDocValuesField(Fields.ID, new BytesRef("old.txt")));
      d.add(new Field(Fields.HAN_BIGRAMS, "命令提示符", withPositions));
      w.addDocument(d);
      w.setLiveCommitData(Map.of(IndexLayout.FORMAT_KEY, "2", IndexLayout.T2S_KEY, "true").entrySet());
      w.commit();
    }
    assertEquals(java.util.Optional.of("2"), IndexLayout.olderFormat(index()));
    assertEquals(1, index(c, false).added());
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(index()))) {
      assertEquals(IndexOptions.DOCS_AND_FREQS,
          FieldInfos.getMergedFieldInfos(r).fieldInfo(Fields.HAN_BIGRAMS).getIndexOptions());
    }
    assertEquals(1, docCount());
    assertEquals(0, hits(Fields.ID, "old.txt"));
    assertEquals(1, hits(Fields.HAN_BIGRAMS, "示符"));
    assertEquals(java.util.Optional.empty(), IndexLayout.olderFormat(index()));
  }

  @Test
  void anIndexOfAnOlderFormatIsReadAgainInFullAndOneOfANewerFormatIsRefused() throws IOException {
    Path c = corpus();
    write(c.resolve("a.txt"), "经济联络\n文件名".getBytes(UTF_8));
    write(c.resolve("b.txt"), "Economic liaison".getBytes(UTF_8));
    index(c, false);
    // As an index written before the Han bigrams: its commit says format 1.
    try (FSDirectory dir = FSDirectory.open(index());
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Fields.analyzer(true)))) {
      w.setLiveCommitData(Map.of(IndexLayout.FORMAT_KEY, "1", IndexLayout.T2S_KEY, "true").entrySet());
      w.commit();
    }
    assertEquals(java.util.Optional.of("1"), IndexLayout.olderFormat(index()));
    List<String> upgrades = new ArrayList<>();
    IndexSummary s = new Indexer(Indexer.Options.of(c, index())).run(new IndexProgress() {
      @Override
      public void upgrading(String from) {
        upgrades.add(from);
      }
    });
    assertEquals(List.of("1"), upgrades);
    assertEquals(2, s.added(), "every file read again, none taken as unchanged");
    assertEquals(0, s.unchanged());
    assertEquals(2, docCount());
    assertEquals(1, hits(Fields.HAN_BIGRAMS, "文件"));
    assertEquals(java.util.Optional.of(IndexLayout.FORMAT), IndexLayout.format(index()));
    assertEquals(2, index(c, false).unchanged(), "the next run reads nothing again");

    try (FSDirectory dir = FSDirectory.open(index());
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Fields.analyzer(true)))) {
      w.setLiveCommitData(Map.of(IndexLayout.FORMAT_KEY, "9", IndexLayout.T2S_KEY, "true").entrySet());
      w.commit();
    }
    IOException e = assertThrows(IOException.class, () -> index(c, false));
    assertTrue(e.getMessage().contains("written by a newer Liaison (format 9"), e.getMessage());
    assertTrue(e.getMessage().contains("--rebuild"), e.getMessage());
    assertEquals(2, index(c, true).added(), "--rebuild replaces it");
  }

  @Test
  void aRebuildKilledWithSigkillLeavesTheLastGoodIndexAndTheNextRunCompletes() throws Exception {
    Path c = corpus();
    for (int i = 0; i < 30; i++) {
      write(c.resolve("old/" + i + ".txt"), ("alpha document " + i).getBytes(UTF_8));
    }
    index(c, false);
    int before = docCount();
    for (int i = 0; i < 300; i++) {
      write(c.resolve("new/" + i + ".txt"), ("beta document " + i).getBytes(UTF_8));
    }

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        IndexerChild.class.getName(), c.toString(), index().toString(), "20")
        .redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("FILE 20")) {
        assertTrue(!line.equals("DONE"), "the child finished before it could be killed");
      }
      assertEquals("FILE 20", line, "the child died before it started writing");
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }
    assertEquals(137, child.exitValue(), "killed by SIGKILL");
    assertTrue(Files.exists(index().resolve("write.lock")), "the dead writer's lock file is left behind");

    assertClean();
    assertEquals(before, docCount(), "the last committed index, unchanged");
    assertEquals(1, hits(Fields.ID, "old/7.txt"));
    assertEquals(0, hits(Fields.ID, "new/7.txt"));

    // The OS released the dead process's lock: the next run takes it and completes.
    IndexSummary next = index(c, false);
    assertEquals(330, next.documents(), next.describe());
    assertClean();
    assertEquals(1, hits(Fields.ID, "new/7.txt"));
  }

  private void assertClean() throws IOException {
    try (FSDirectory dir = FSDirectory.open(index()); CheckIndex check = new CheckIndex(dir)) {
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      check.setInfoStream(new PrintStream(log, true, UTF_8));
      assertTrue(check.checkIndex().clean, log.toString(UTF_8));
    }
  }

  @Test
  void everySegmentKeepsItsDocumentsInScriptOrderEnglishThenSimplifiedThenTraditional() throws IOException {
    Path c = corpus();
    // Names that interleave the scripts, so that the order of the files is not already the sort's.
    write(c.resolve("a.txt"), "經濟聯絡中心的軟體文件".getBytes(UTF_8));
    write(c.resolve("b.txt"), "Economic liaison centre".getBytes(UTF_8));
    write(c.resolve("c.txt"), "经济联络中心的软件文档".getBytes(UTF_8));
    write(c.resolve("d.txt"), "資料庫與網路設定".getBytes(UTF_8));
    write(c.resolve("e.txt"), "Liaison office software".getBytes(UTF_8));
    write(c.resolve("f.txt"), "数据库与网络设置".getBytes(UTF_8));
    index(c, false);
    List<String> all = new ArrayList<>();
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(index()))) {
      for (LeafReaderContext leaf : r.leaves()) {
        assertEquals(Fields.indexSort(), leaf.reader().getMetaData().sort(), "segment " + leaf.ord);
        SortedDocValues scripts = leaf.reader().getSortedDocValues(Fields.SCRIPT);
        List<String> order = new ArrayList<>();
        for (int d = 0; d < leaf.reader().maxDoc(); d++) {
          order.add(scripts != null && scripts.advanceExact(d) ? scripts.lookupOrd(scripts.ordValue()).utf8ToString() : "en");
        }
        List<String> sorted = order.stream()
            .sorted(Comparator.comparing((String s) -> s.equals("en") ? "" : s)).toList();
        assertEquals(sorted, order, "segment " + leaf.ord);
        all.addAll(order);
      }
    }
    assertEquals(List.of("Hans", "Hans", "Hant", "Hant", "en", "en"), all.stream().sorted().toList());
  }

  private int docCount() throws IOException {
    try (FSDirectory dir = FSDirectory.open(index()); DirectoryReader r = DirectoryReader.open(dir)) {
      return r.numDocs();
    }
  }

  private int hits(String field, String value) throws IOException {
    try (FSDirectory dir = FSDirectory.open(index()); DirectoryReader r = DirectoryReader.open(dir)) {
      return new IndexSearcher(r).count(new TermQuery(new Term(field, value)));
    }
  }

  private int uncheckedHits(String field, String value) {
    try {
      return hits(field, value);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private int uncheckedDocCount() {
    try {
      return docCount();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
