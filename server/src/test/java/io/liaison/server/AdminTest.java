package io.liaison.server;

import static io.liaison.server.ApiTest.assertError;
import static io.liaison.server.ApiTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import io.liaison.Liaison;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AdminTest {
  private static final String TOKEN = "test-token-7f3a9c";

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

  private static Response post(HttpClient client, String path, String auth) {
    return client.post(path, "", req -> {
      if (auth != null) {
        req.header("Authorization", auth);
      }
    });
  }

  private static Response get(HttpClient client, String path, String auth) {
    return client.get(path, req -> {
      if (auth != null) {
        req.header("Authorization", auth);
      }
    });
  }

  @Test
  void admin_routes_are_disabled_with_403_when_no_token_is_configured() {
    JavalinTest.test(App.create(liaison, corpus.config(null)), (app, client) -> {
      assertError(post(client, "/api/index/rebuild", "Bearer anything"), 403, "forbidden");
      assertError(get(client, "/api/index/status", null), 403, "forbidden");
    });
  }

  @Test
  void admin_routes_answer_401_without_a_token_or_with_a_wrong_one() {
    JavalinTest.test(App.create(liaison, corpus.config(TOKEN)), (app, client) -> {
      Response none = post(client, "/api/index/rebuild", null);
      assertError(none, 401, "unauthorized");
      assertEquals("Bearer", none.headers().get("WWW-Authenticate").get(0));
      assertError(post(client, "/api/index/rebuild", "Bearer wrong"), 401, "unauthorized");
      assertError(post(client, "/api/index/rebuild", "Bearer " + TOKEN + "x"), 401, "unauthorized");
      assertError(post(client, "/api/index/rebuild", "Basic " + TOKEN), 401, "unauthorized");
      assertError(get(client, "/api/index/status", "Bearer "), 401, "unauthorized");
    });
  }

  @Test
  void a_rebuild_runs_in_the_background_refuses_a_second_one_and_reports_its_result() throws Exception {
    CountDownLatch reached = new CountDownLatch(1);
    CountDownLatch hold = new CountDownLatch(1);
    String auth = "Bearer " + TOKEN;
    // The rebuild is held open after its commit, once every file is counted, until the test lets go.
    JavalinTest.test(App.create(liaison, corpus.config(TOKEN), () -> {
      reached.countDown();
      hold.await(30, TimeUnit.SECONDS);
    }), (app, client) -> {
      assertEquals("idle", json(get(client, "/api/index/status", auth)).path("state").asText());
      Files.writeString(corpus.corpus.resolve("en/new.txt"), "Fresh Liaison Memo\nA new liaison memo.\n", StandardCharsets.UTF_8);

      Response started = post(client, "/api/index/rebuild", auth);
      assertEquals(202, started.code(), started.body().string());
      assertError(post(client, "/api/index/rebuild", auth), 409, "conflict");
      // Asked before the job had listed the corpus, the status would rightly count no files yet.
      assertTrue(reached.await(30, TimeUnit.SECONDS), "the rebuild reached its commit");
      JsonNode running = json(get(client, "/api/index/status", auth));
      assertEquals("running", running.path("state").asText());
      assertProgress(running, false);

      hold.countDown();
      JsonNode status = awaitFinished(client, auth);
      assertEquals("succeeded", status.path("state").asText(), status.toString());
      assertEquals(6, status.path("lastResult").path("documents").asInt());
      assertTrue(status.path("elapsedMs").asLong() >= 0);
      assertProgress(status, true);
      assertEquals(6, status.path("progress").path("filesTotal").asInt(), status.toString());
      assertEquals(6, json(client.get("/health")).path("documents").asInt(), "searches see the new index");
      assertEquals(200, client.get("/api/documents/en/new.txt").code());
      String metrics = client.get("/metrics").body().string();
      assertTrue(metrics.contains("liaison_index_documents 6.0"), metrics);
    });
  }

  @Test
  void a_failed_rebuild_reports_failure_without_server_paths() throws Exception {
    String auth = "Bearer " + TOKEN;
    ServerConfig missingCorpus = new ServerConfig("127.0.0.1", 0, dir.resolve("gone"), TOKEN);
    JavalinTest.test(App.create(liaison, missingCorpus), (app, client) -> {
      assertEquals(202, post(client, "/api/index/rebuild", auth).code());
      JsonNode status = awaitFinished(client, auth);
      assertEquals("failed", status.path("state").asText());
      assertTrue(!status.toString().contains(dir.toString()) && !status.toString().contains("/tmp/"), status.toString());
      assertEquals(5, json(client.get("/health")).path("documents").asInt(), "the old index keeps serving");
    });
  }

  @Test
  void a_rebuild_from_a_corpus_folder_with_nothing_in_it_fails_and_keeps_every_document() throws Exception {
    String auth = "Bearer " + TOKEN;
    try (var files = Files.walk(corpus.corpus)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.delete(f);
      }
    }
    JavalinTest.test(App.create(liaison, corpus.config(TOKEN)), (app, client) -> {
      assertEquals(202, post(client, "/api/index/rebuild", auth).code());
      JsonNode status = awaitFinished(client, auth);
      assertEquals("failed", status.path("state").asText(), status.toString());
      assertTrue(status.path("lastError").asText().contains("EmptyCorpusException"), status.toString());
      assertEquals(5, json(client.get("/health")).path("documents").asInt(), "the index keeps every document");
    });
    try (Liaison reopened = Liaison.open(corpus.index)) {
      assertEquals(5, reopened.documentCount(), "and so does the folder on disk");
    }
  }

  private static void assertProgress(JsonNode status, boolean finished) {
    JsonNode p = status.path("progress");
    int done = p.path("filesDone").asInt(-1);
    int total = p.path("filesTotal").asInt(-1);
    assertTrue(total > 0 && done >= 0 && done <= total, status.toString());
    assertTrue(p.path("filesPerSecond").asDouble(-1) >= 0, status.toString());
    if (finished) {
      assertEquals(total, done, status.toString());
    }
  }

  private static JsonNode awaitFinished(HttpClient client, String auth) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode s = json(get(client, "/api/index/status", auth));
      if (!s.path("state").asText().equals("running")) {
        return s;
      }
      Thread.sleep(50); // polling an asynchronous job: there is nothing to wait on over HTTP
    }
    throw new AssertionError("the rebuild did not finish within 60 s");
  }
}
