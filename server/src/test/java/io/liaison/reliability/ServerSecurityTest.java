package io.liaison.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.liaison.Liaison;
import io.liaison.cli.LiaisonCli;
import io.liaison.index.Indexer;
import io.liaison.server.App;
import io.liaison.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as an attacker on a shared network sees it: admin routes, binding, CORS, path
 * traversal through document ids, escaping, security headers on every kind of response, oversized
 * requests, expensive queries, and what an internal failure reveals. Raw HTTP where a client
 * library would normalise the attack away.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServerSecurityTest {
  static final String TOKEN = "s3cret-admin-token-0123456789";
  static final String NASTY_TITLE = "Quote \" </script><script>alert(1)</script> \u202e& 'x' <b>bold</b>";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Liaison liaison;
  static Javalin app;
  static String base;
  static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    Path corpus = dir.resolve("corpus");
    Files.createDirectories(corpus.resolve("notes"));
    Files.writeString(corpus.resolve("notes/nasty.txt"), NASTY_TITLE + "\nliaison body <img src=x onerror=alert(1)> \u2028 script alert\n", UTF_8);
    Files.writeString(corpus.resolve("notes/plain.txt"), "Plain\nthe liaison office\n", UTF_8);
    Files.writeString(dir.resolve("secret.txt"), "root:x:0:0 SECRET-OUTSIDE-CORPUS", UTF_8);
    new Indexer(Indexer.Options.of(corpus, dir.resolve("index"))).run();
    liaison = Liaison.open(dir.resolve("index"));
    app = App.create(liaison, new ServerConfig("127.0.0.1", 0, corpus, TOKEN))
        .start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
  }

  @AfterAll
  static void stop() throws Exception {
    app.stop();
    liaison.close();
  }

  static HttpResponse<String> get(String rawPath, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + rawPath)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends raw bytes and returns the status line and headers (and as much body as arrives). */
  static String raw(String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", app.port())) {
      s.setSoTimeout(20_000);
      // Read while writing: the server may answer a huge request and close before it has read it
      // all, and the rest of the write then fails with a broken pipe; the answer is what counts.
      InputStream in = s.getInputStream();
      CompletableFuture<byte[]> response = CompletableFuture.supplyAsync(() -> readUntilClosed(in));
      try {
        OutputStream out = s.getOutputStream();
        out.write(request.getBytes(UTF_8));
        out.flush();
      } catch (SocketException refusedBeforeTheEnd) {
        // see above
      }
      return new String(response.join(), UTF_8);
    }
  }

  /** Up to 64 kB, until the server closes; what arrived before a reset is kept. */
  private static byte[] readUntilClosed(InputStream in) {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; got.size() < 64 * 1024 && (n = in.read(buffer)) > 0; ) {
        got.write(buffer, 0, n);
      }
    } catch (IOException resetAfterTheAnswer) {
      // the connection was reset after the server answered and closed: keep the answer
    }
    return got.toByteArray();
  }

  static void assertSafeError(HttpResponse<String> r) throws Exception {
    String body = r.body();
    assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains(" at io.")
        || body.contains(dir.toString()) || body.contains("/tmp/") || body.contains("org.eclipse"),
        "no stack traces or server paths: " + body);
    JsonNode json = JSON.readTree(body);
    assertFalse(json.path("message").asText().isBlank(), "a message a person can act on: " + body);
  }

  static void assertSecurityHeaders(HttpResponse<String> r, String what) {
    Map<String, List<String>> h = r.headers().map();
    assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"), what + " " + h);
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), what);
    assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(null), what);
  }

  // ---- admin ----------------------------------------------------------------------------------

  @Test
  void admin_routes_refuse_a_missing_a_wrong_and_a_nearly_right_token() throws Exception {
    // Raw HTTP: the JDK client does not send an Authorization header the way it was given here.
    String last = TOKEN.substring(0, TOKEN.length() - 1) + "X";
    for (String auth : new String[] {null, "Bearer ", "Bearer wrong", "Bearer " + last, "Bearer " + TOKEN + "0",
        "Bearer " + TOKEN.toUpperCase(), "Bearer " + TOKEN.substring(1), "Basic " + TOKEN, TOKEN}) {
      String header = auth == null ? "" : "Authorization: " + auth + "\r\n";
      String rebuild = raw("POST /api/index/rebuild HTTP/1.1\r\nHost: x\r\n" + header
          + "Content-Length: 0\r\nConnection: close\r\n\r\n");
      assertTrue(rebuild.startsWith("HTTP/1.1 401 "), auth + ": " + rebuild);
      assertTrue(rebuild.contains("\"unauthorized\"") && rebuild.contains("X-Content-Type-Options: nosniff"), rebuild);
      String status = raw("GET /api/index/status HTTP/1.1\r\nHost: x\r\n" + header + "Connection: close\r\n\r\n");
      assertTrue(status.startsWith("HTTP/1.1 401 "), auth + ": " + status);
    }
    String ok = raw("GET /api/index/status HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
        + "\r\nConnection: close\r\n\r\n");
    assertTrue(ok.startsWith("HTTP/1.1 200 "), ok);
  }

  @Test
  void the_token_is_compared_in_constant_time() throws Exception {
    // Timing cannot be measured reliably in a unit test; the comparison itself is checked instead.
    String source = Files.readString(Path.of("src/main/java/io/liaison/server/AdminRoutes.java"));
    assertTrue(source.contains("MessageDigest.isEqual(given, token)"), "AdminRoutes compares with MessageDigest.isEqual");
    assertFalse(source.contains(".equals(token)"), "no String.equals on the token");
  }

  // ---- binding and CORS ---------------------------------------------------------------------

  @Test
  void serve_binds_to_loopback_unless_told_otherwise() {
    var cli = LiaisonCli.commandLine();
    assertEquals("127.0.0.1", cli.getSubcommands().get("serve").getCommandSpec().findOption("--host").defaultValue());
    var parsed = cli.parseArgs("serve", "--port", "0");
    assertEquals("127.0.0.1", parsed.subcommand().commandSpec().findOption("--host").getValue());
  }

  @Test
  void a_cross_origin_request_gets_no_cors_permission() throws Exception {
    HttpResponse<String> r = get("/api/search?q=liaison", "Origin", "http://evil.example");
    assertEquals(200, r.statusCode());
    assertNull(r.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    HttpResponse<String> preflight = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/index/rebuild"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://evil.example")
        .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(preflight.statusCode() >= 400 && preflight.statusCode() < 500, "preflight " + preflight.statusCode());
    assertNull(preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    assertNull(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(null));
  }

  // ---- document ids never reach the file system ---------------------------------------------

  @Test
  void document_ids_that_look_like_paths_are_404s_and_never_read_a_file() throws Exception {
    String absolute = URLEncoder.encode(dir.resolve("secret.txt").toString(), UTF_8);
    for (String id : new String[] {"..%2F..%2Fetc%2Fpasswd", "..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "%2Fetc%2Fpasswd", absolute, "notes%2F..%2F..%2Fsecret.txt", "..%2Fsecret.txt", "notes%2Fplain.txt%00.md",
        "%00", "notes%2F%00", "%2E%2E%2F%2E%2E%2Fsecret.txt", "..%5C..%5Csecret.txt", "%252E%252E%252Fsecret.txt",
        "notes/../../secret.txt", "file:%2F%2F%2Fetc%2Fpasswd"}) {
      HttpResponse<String> r = get("/api/documents/" + id);
      assertTrue(r.statusCode() == 404 || r.statusCode() == 400, id + ": " + r.statusCode() + " " + r.body());
      assertFalse(r.body().contains("root:") || r.body().contains("SECRET-OUTSIDE"), id + ": " + r.body());
      assertSecurityHeaders(r, id);
      JSON.readTree(r.body()); // JSON even when Jetty refuses the URI itself
    }
    // The same attempts against static files.
    for (String path : new String[] {"/..%2F..%2Fetc%2Fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/web/../../secret.txt",
        "/app.js%00.html"}) {
      String response = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      assertFalse(response.startsWith("HTTP/1.1 200") || response.startsWith("HTTP/1.1 5"), path + ": " + response);
      assertFalse(response.contains("root:") || response.contains("SECRET-OUTSIDE"), path);
    }
    assertEquals(200, get("/api/documents/notes%2Fplain.txt").statusCode(), "a real id still works");
  }

  // ---- escaping -------------------------------------------------------------------------------

  @Test
  void document_text_comes_back_as_json_strings_unchanged_and_snippets_escaped() throws Exception {
    HttpResponse<String> r = get("/api/search?q=" + URLEncoder.encode("script alert", UTF_8));
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonNode hit = JSON.readTree(r.body()).path("hits").get(0);
    assertEquals(NASTY_TITLE, hit.path("title").asText(), "the title survives JSON intact, as data");
    for (JsonNode s : hit.path("snippets")) {
      assertFalse(s.asText().replace("<mark>", "").replace("</mark>", "").contains("<"), "snippets are HTML-escaped: " + s);
    }
    HttpResponse<String> doc = get("/api/documents/notes%2Fnasty.txt");
    assertEquals(NASTY_TITLE, JSON.readTree(doc.body()).path("title").asText());
  }

  // ---- headers on every response ------------------------------------------------------------

  @Test
  void every_kind_of_response_carries_the_security_headers() throws Exception {
    for (String path : new String[] {"/", "/index.html", "/app.js", "/app.css", "/api/search?q=liaison", "/api/search",
        "/api/search?q=%22", "/api/nowhere", "/nowhere.html", "/metrics", "/health", "/openapi.json",
        "/api/index/status", "/api/documents/none", "/api/search?q=liaison&limit=9999"}) {
      HttpResponse<String> r = get(path);
      assertSecurityHeaders(r, path + " (" + r.statusCode() + ")");
    }
    HttpResponse<String> wrongMethod = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/search?q=x"))
        .DELETE().build(), HttpResponse.BodyHandlers.ofString());
    assertSecurityHeaders(wrongMethod, "DELETE (" + wrongMethod.statusCode() + ")");
  }

  // ---- request size limits ------------------------------------------------------------------

  @Test
  void a_huge_query_string_is_refused_with_414_or_431_never_a_500() throws Exception {
    for (int size : new int[] {20_000, 100_000, 1_000_000}) {
      String response = raw("GET /api/search?q=" + "a".repeat(size) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      String status = response.lines().findFirst().orElse("");
      assertTrue(status.contains(" 414 ") || status.contains(" 431 ") || status.contains(" 413 "), size + ": " + status);
      assertTrue(response.contains("X-Content-Type-Options: nosniff") && response.contains("Content-Security-Policy: "),
          "Jetty's own refusal carries the security headers: " + response);
      assertTrue((response.contains("\"error\":\"request_too_large\"") || response.contains("\"error\":\"query_too_long\""))
          && !response.contains("<html"), response);
    }
    HttpResponse<String> longQuery = get("/api/search?q=" + "a".repeat(5_000));
    assertEquals(413, longQuery.statusCode());
    assertSafeError(longQuery);
    assertTrue(longQuery.body().contains("the limit is 1000"), longQuery.body());
  }

  @Test
  void a_huge_body_is_refused_with_413_before_it_is_read_never_a_500() throws Exception {
    byte[] body = new byte[10 * 1024 * 1024];
    for (String path : new String[] {"/api/index/rebuild", "/api/search?q=x", "/nowhere"}) {
      // As curl sends large bodies: headers first, the body only after 100 Continue, which never comes.
      HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base + path))
          .header("Authorization", "Bearer " + TOKEN).expectContinue(true)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(413, r.statusCode(), path + ": " + r.body());
      assertSafeError(r);
      assertSecurityHeaders(r, "413");
    }
    // A client that sends the body at once gets its 413 after the first bytes, not after 10 MB.
    String response = raw("POST /api/index/rebuild HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length
        + "\r\n\r\n" + "x".repeat(1000));
    assertTrue(response.startsWith("HTTP/1.1 413 "), response);
  }

  // ---- expensive queries --------------------------------------------------------------------

  @Test
  void expensive_queries_are_400s_that_name_the_limit() throws Exception {
    Map<String, String> cases = Map.of(
        "*iaison", "cannot start with",
        "l*a*b*c*d*e*f*g*h*i*j*k*", "the limit is 10 per term",
        "/a{9999}{9999}/", "automaton states",
        "/(a{1,50}){1,50}/", "too complex",
        "liaison~99999", "");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      HttpResponse<String> r = get("/api/search?q=" + URLEncoder.encode(c.getKey(), UTF_8));
      assertTrue(r.statusCode() == 400 || r.statusCode() == 200, c.getKey() + ": " + r.statusCode() + " " + r.body());
      if (!c.getValue().isEmpty()) {
        assertEquals(400, r.statusCode(), c.getKey());
        assertSafeError(r);
        assertTrue(r.body().contains(c.getValue()), c.getKey() + ": " + r.body());
      }
    }
  }

  @Test
  void a_search_past_the_time_limit_is_a_503_with_a_message() throws Exception {
    Duration before = liaison.searcher().timeLimit();
    liaison.searcher().timeLimit(Duration.ofNanos(1));
    try {
      HttpResponse<String> r = get("/api/search?q=liaison");
      assertEquals(503, r.statusCode(), r.body());
      assertEquals("search_timeout", JSON.readTree(r.body()).path("error").asText());
      assertSafeError(r);
    } finally {
      liaison.searcher().timeLimit(before);
    }
  }

  // ---- observability --------------------------------------------------------------------------

  @Test
  void metrics_expose_heap_gc_and_threads_for_the_soak_test() throws Exception {
    String metrics = get("/metrics").body();
    for (String name : new String[] {"jvm_memory_used_bytes{area=\"heap\"", "jvm_memory_max_bytes{area=\"heap\"",
        "jvm_gc_live_data_size_bytes", "jvm_threads_live_threads"}) {
      assertTrue(metrics.contains(name), name);
    }
  }

  // ---- internal failures --------------------------------------------------------------------

  @Test
  void an_internal_failure_reveals_no_stack_trace_and_no_path() throws Exception {
    Path index = dir.resolve("index2");
    Files.createDirectories(dir.resolve("corpus2"));
    Files.writeString(dir.resolve("corpus2/a.txt"), "liaison", UTF_8);
    new Indexer(Indexer.Options.of(dir.resolve("corpus2"), index)).run();
    Liaison closed = Liaison.open(index);
    Javalin broken = App.create(closed, new ServerConfig("127.0.0.1", 0, dir.resolve("corpus2"), null))
        .start("127.0.0.1", 0);
    try {
      closed.close(); // every search now fails inside Lucene with AlreadyClosedException
      HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + broken.port() + "/api/search?q=liaison")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(500, r.statusCode());
      assertEquals("internal_error", JSON.readTree(r.body()).path("error").asText());
      assertSafeError(r);
      assertSecurityHeaders(r, "500");
    } finally {
      broken.stop();
    }
  }
}
