package io.liaison.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.index.Fields;
import io.liaison.index.Indexer;
import io.liaison.lexicon.Glossary;
import io.liaison.lexicon.Lexicon;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A searcher tells when another writer has committed to its folder, and sees nothing uncommitted. */
class SearcherIsCurrentTest {
  @TempDir Path dir;
  Path corpus;
  Path index;

  @BeforeEach
  void indexOneDocument() throws Exception {
    corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(corpus.resolve("harbour.txt"), "Harbour Report\nThe harbour handled more containers.\n",
        StandardCharsets.UTF_8);
    index = dir.resolve("index");
    new Indexer(Indexer.Options.of(corpus, index)).run();
  }

  private Searcher open() throws Exception {
    return new Searcher(index, () -> {
      throw new AssertionError("no translated search here: the dictionary is not needed");
    }, Glossary::empty);
  }

  @Test
  void aCommitByAnotherWriterMakesItStaleAndRefreshBringsTheDocumentAndItsAliases() throws Exception {
    try (Searcher searcher = open()) {
      assertTrue(searcher.isCurrent());
      assertTrue(searcher.aliases().aliasesOf("ZLB").isEmpty());
      Files.writeString(corpus.resolve("bureau.txt"),
          "Zorblat Liaison Bureau\nThe Zorblat Liaison Bureau (ZLB) opened in March.\n", StandardCharsets.UTF_8);
      // A second indexing run through the folder, as `liaison index` in another shell writes it.
      new Indexer(Indexer.Options.of(corpus, index)).run();

      assertFalse(searcher.isCurrent(), "a newer commit is in the folder");
      assertEquals(1, searcher.documentCount(), "searches stay on their commit until a refresh");
      searcher.refresh();
      assertTrue(searcher.isCurrent());
      assertEquals(2, searcher.documentCount());
      assertEquals(1, searcher.search(SearchRequest.of("zorblat").withTranslate(false)).total());
      assertFalse(searcher.aliases().aliasesOf("ZLB").isEmpty(), "the mined aliases are read from the new commit");
    }
  }

  @Test
  void aRunThatHasNotCommittedLeavesItCurrentAndUnchanged() throws Exception {
    try (Searcher searcher = open();
        FSDirectory directory = FSDirectory.open(index);
        // As a --rebuild starts: a fresh index in the same folder, documents flushed to segment files.
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(Fields.analyzer(true))
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
            .setCommitOnClose(false))) {
      Document ghost = new Document();
      ghost.add(new StringField(Fields.ID, "ghost.txt", Field.Store.YES));
      ghost.add(new TextField(Fields.BODY, "zorblat ghost", Field.Store.YES));
      writer.addDocument(ghost);
      writer.flush();

      assertTrue(searcher.isCurrent(), "flushed segments are not a commit");
      searcher.refresh();
      assertEquals(1, searcher.documentCount());
      writer.rollback(); // the run dies
      assertTrue(searcher.isCurrent());
      assertEquals(1, searcher.documentCount());
    }
  }
}
