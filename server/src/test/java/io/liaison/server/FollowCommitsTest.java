package io.liaison.server;

import static io.liaison.server.ApiTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.liaison.Liaison;
import io.liaison.index.Fields;
import io.liaison.index.Indexer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running server follows its index when another process writes it: the second writer here is
 * the Indexer writing the index folder, exactly what {@code liaison index} in another shell runs.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FollowCommitsTest {
  private static final String MEMO = "en/memo.txt";

  @TempDir Path dir;
  TestIndex corpus;
  Liaison liaison;

  @BeforeEach
  void index() throws Exception {
    corpus = TestIndex.build(dir);
    liaison = corpus.open();
  }

  @AfterEach
  void close() throws Exception {
    liaison.close();
  }

  /** Adds a file to the corpus and indexes it as a separate `liaison index` run would. */
  private void indexANewFileElsewhere() throws Exception {
    Files.writeString(corpus.corpus.resolve(MEMO), "Quarterly Zorblat Memo\nThe zorblat committee met on Tuesday.\n",
        StandardCharsets.UTF_8);
    new Indexer(Indexer.Options.of(corpus.corpus, corpus.index)).run();
  }

  private static int documents(HttpClient client) {
    return json(client.get("/health")).path("documents").asInt();
  }

  private static List<String> ids(HttpClient client, String query) {
    JsonNode body = json(client.get("/api/search?translate=false&q=" + query));
    List<String> ids = new ArrayList<>();
    body.path("hits").forEach(h -> ids.add(h.path("id").asText()));
    return ids;
  }

  private static List<String> suggestions(HttpClient client, String prefix) {
    JsonNode body = json(client.get("/api/suggest?prefix=" + prefix));
    List<String> texts = new ArrayList<>();
    body.path("suggestions").forEach(x -> texts.add(x.path("text").asText()));
    return texts;
  }

  @Test
  void a_commit_by_another_indexing_run_reaches_searches_documents_suggestions_health_and_metrics() {
    JavalinTest.test(App.create(liaison, corpus.config(null)), (app, client) -> {
      assertEquals(5, documents(client));
      assertTrue(ids(client, "zorblat").isEmpty());

      indexANewFileElsewhere();
      App.rebuildJob(app).checkForCommit(); // whether it or the schedule switched, a check has run since the commit

      assertEquals(6, documents(client));
      assertEquals(List.of(MEMO), ids(client, "zorblat"));
      assertEquals(200, client.get("/api/documents/" + MEMO).code());
      assertTrue(suggestions(client, "quarterly").contains("Quarterly Zorblat Memo"),
          "suggestions read the new commit's titles: " + suggestions(client, "quarterly"));
      String metrics = client.get("/metrics").body().string();
      assertTrue(metrics.contains("liaison_index_documents 6.0"), metrics);
      assertFalse(App.rebuildJob(app).checkForCommit(), "nothing newer: the next check has nothing to do");
    });
  }

  @Test
  void the_server_finds_a_new_commit_on_its_own_within_seconds() {
    JavalinTest.test(App.create(liaison, corpus.config(null)), (app, client) -> {
      assertEquals(5, documents(client));
      indexANewFileElsewhere();
      // No trigger: the schedule (every App.COMMIT_CHECK) must find it.
      Duration limit = App.COMMIT_CHECK.multipliedBy(10);
      long deadline = System.nanoTime() + limit.toNanos();
      while (documents(client) != 6) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the server still serves 5 documents " + limit.toSeconds()
              + " s after another run committed 6: it does not follow the index");
        }
        Thread.sleep(20); // polling over HTTP: there is nothing to wait on
      }
      assertEquals(List.of(MEMO), ids(client, "zorblat"));
    });
  }

  @Test
  void an_indexing_run_that_has_not_committed_or_died_is_never_served() {
    JavalinTest.test(App.create(liaison, corpus.config(null)), (app, client) -> {
      try (FSDirectory directory = FSDirectory.open(corpus.index);
          // As `liaison index --rebuild` begins: a fresh index in the same folder, its first
          // documents flushed to segment files, the old commit not yet replaced.
          IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(Fields.analyzer(true))
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
              .setCommitOnClose(false))) {
        Document ghost = new Document();
        ghost.add(new StringField(Fields.ID, "en/ghost.txt", Field.Store.YES));
        ghost.add(new TextField(Fields.BODY, "zorblat ghost", Field.Store.YES));
        writer.addDocument(ghost);
        writer.flush();

        assertFalse(App.rebuildJob(app).checkForCommit(), "flushed segments are not a commit");
        assertEquals(5, documents(client));
        assertTrue(ids(client, "zorblat").isEmpty());
        assertEquals(List.of("en/liaison-office.txt"), ids(client, "office"), "the old commit answers");

        writer.rollback(); // the run dies
      }
      assertFalse(App.rebuildJob(app).checkForCommit());
      assertEquals(5, documents(client));

      indexANewFileElsewhere(); // the next run's writer clears what the dead one left, and commits
      App.rebuildJob(app).checkForCommit();
      assertEquals(6, documents(client));
    });
  }
}
