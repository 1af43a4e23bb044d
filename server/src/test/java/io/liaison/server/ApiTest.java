package io.liaison.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import io.liaison.Liaison;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ApiTest {
  @TempDir static Path dir;
  static TestIndex corpus;
  static Liaison liaison;

  @BeforeAll
  static void index() throws Exception {
    corpus = TestIndex.build(dir);
    liaison = corpus.open();
  }

  @AfterAll
  static void close() throws Exception {
    liaison.close();
  }

  private static void test(BiConsumer<Javalin, HttpClient> body) {
    JavalinTest.test(App.create(liaison, corpus.config(null)), body::accept);
  }

  static JsonNode json(Response r) {
    try {
      return Json.MAPPER.readTree(r.body().string());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + e.getMessage());
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static void assertError(Response r, int status, String error) {
    assertEquals(status, r.code(), () -> r.body().string());
    JsonNode body = json(r);
    assertEquals(error, body.path("error").asText(), body::toString);
    assertFalse(body.path("message").asText().isBlank(), "an error says what went wrong");
    String raw = body.toString();
    assertFalse(raw.contains("Exception") || raw.contains("\tat ") || raw.contains("/tmp/"),
        "no stack traces or server paths in errors: " + raw);
  }

  // ---- search ----------------------------------------------------------------------------

  @Test
  void a_search_returns_hits_with_marked_snippets_expansion_and_facets() {
    test((app, client) -> {
      Response r = client.get("/api/search?q=liaison");
      assertEquals(200, r.code());
      JsonNode body = json(r);
      assertTrue(body.path("total").asLong() >= 2);
      assertTrue(body.has("tookMs"));
      JsonNode first = body.path("hits").get(0);
      for (String field : new String[] {"id", "title", "lang", "folder", "score", "snippets"}) {
        assertTrue(first.has(field), "hit has " + field);
      }
      assertTrue(first.path("snippets").get(0).asText().contains("<mark>"), first.toString());
      assertTrue(body.path("expansion").isArray());
      assertEquals("liaison", body.path("expansion").get(0).path("source").asText());
      assertTrue(body.path("facets").path("lang").path("en").asLong() >= 1);
      assertTrue(body.path("facets").path("folder").has("en"));
    });
  }

  @Test
  void a_chinese_query_finds_simplified_and_traditional_documents() {
    test((app, client) -> {
      JsonNode body = json(client.get("/api/search?q=" + enc("经济联络")));
      Set<String> ids = ids(body);
      assertTrue(ids.contains("zh/lianluo.txt") && ids.contains("tw/lianluo-tw.txt"), ids.toString());
      assertTrue(body.path("hits").get(0).path("snippets").get(0).asText().contains("<mark>"));
    });
  }

  @Test
  void a_phrase_quoted_as_an_input_method_or_a_word_processor_quotes_it_is_a_phrase() {
    test((app, client) -> {
      Set<String> plain = ids(json(client.get("/api/search?limit=100&q=" + enc("liaison office"))));
      Set<String> quoted = ids(json(client.get("/api/search?limit=100&q=" + enc("\"liaison office\""))));
      assertTrue(plain.contains(TestIndex.EVIL_ID) && !quoted.contains(TestIndex.EVIL_ID), plain + " / " + quoted);
      assertTrue(quoted.contains("en/liaison-office.txt"), quoted.toString());
      assertEquals(quoted, ids(json(client.get("/api/search?limit=100&q=" + enc("“liaison office”")))));
      assertEquals(ids(json(client.get("/api/search?limit=100&q=" + enc("\"經濟聯絡\"")))),
          ids(json(client.get("/api/search?limit=100&q=" + enc("「經濟聯絡」")))));
      assertEquals(200, client.get("/api/search?q=" + enc("“liaison office")).code(), "a lone mark is no malformed query");
    });
  }

  @Test
  void snippets_escape_document_markup_and_keep_only_mark_tags() {
    test((app, client) -> {
      JsonNode body = json(client.get("/api/search?q=onerror%20OR%20liaison&limit=100"));
      StringBuilder all = new StringBuilder();
      body.path("hits").forEach(h -> h.path("snippets").forEach(s -> all.append(s.asText())));
      String stripped = all.toString().replace("<mark>", "").replace("</mark>", "");
      assertFalse(stripped.contains("<"), "no raw markup besides <mark>: " + all);
      assertTrue(all.toString().contains("&lt;img"), all.toString());
    });
  }

  @Test
  void the_language_filter_keeps_only_that_language() {
    test((app, client) -> {
      JsonNode body = json(client.get("/api/search?lang=zh&q=" + enc("联络 OR liaison")));
      assertTrue(body.path("total").asLong() >= 2);
      body.path("hits").forEach(h -> assertEquals("zh", h.path("lang").asText()));
    });
  }

  @Test
  void the_folder_filter_keeps_only_that_folder() {
    test((app, client) -> {
      JsonNode body = json(client.get("/api/search?folder=en&q=liaison"));
      assertTrue(body.path("total").asLong() >= 1);
      body.path("hits").forEach(h -> assertEquals("en", h.path("folder").asText()));
      assertEquals(Set.of("en"), keys(body.path("facets").path("folder")));
    });
  }

  @Test
  void paging_returns_the_next_hits_and_an_empty_page_past_the_end() {
    test((app, client) -> {
      JsonNode one = json(client.get("/api/search?q=liaison&limit=1&page=1"));
      JsonNode two = json(client.get("/api/search?q=liaison&limit=1&page=2"));
      assertEquals(1, one.path("hits").size());
      assertFalse(one.path("hits").get(0).path("id").equals(two.path("hits").get(0).path("id")));
      JsonNode far = json(client.get("/api/search?q=liaison&limit=10&page=50"));
      assertEquals(0, far.path("hits").size());
      assertEquals(one.path("total"), far.path("total"));
    });
  }

  @Test
  void translate_false_is_accepted_and_not_translating_never_finds_more() {
    test((app, client) -> {
      long on = json(client.get("/api/search?q=liaison")).path("total").asLong();
      long off = json(client.get("/api/search?q=liaison&translate=false")).path("total").asLong();
      assertTrue(off <= on);
    });
  }

  @Test
  void a_missing_query_is_a_400() {
    test((app, client) -> {
      assertError(client.get("/api/search"), 400, "bad_request");
      assertError(client.get("/api/search?q=%20%20"), 400, "bad_request");
    });
  }

  @Test
  void a_malformed_query_is_a_400_with_the_position_of_the_problem() {
    test((app, client) -> {
      Response r = client.get("/api/search?q=" + enc("liaison AND (office"));
      assertError(r, 400, "malformed_query");
      assertTrue(json(r).path("position").isInt(), json(r).toString());
    });
  }

  @Test
  void a_malformed_query_with_a_folder_filter_reports_the_position_in_the_users_query() {
    test((app, client) -> {
      JsonNode plain = json(client.get("/api/search?q=" + enc("a (b")));
      Response filtered = client.get("/api/search?folder=en&q=" + enc("a (b"));
      assertError(filtered, 400, "malformed_query");
      assertEquals(plain.path("position"), json(filtered).path("position"));
    });
  }

  @Test
  void bad_paging_parameters_are_400s() {
    test((app, client) -> {
      assertError(client.get("/api/search?q=x&limit=101"), 400, "bad_request");
      assertError(client.get("/api/search?q=x&limit=0"), 400, "bad_request");
      assertError(client.get("/api/search?q=x&limit=ten"), 400, "bad_request");
      assertError(client.get("/api/search?q=x&page=0"), 400, "bad_request");
      assertError(client.get("/api/search?q=x&page=99999999999"), 400, "bad_request");
      assertError(client.get("/api/search?q=x&translate=maybe"), 400, "bad_request");
      assertError(client.get("/api/search?q=x&lang=fr"), 400, "bad_request");
      assertError(client.get("/api/search?q=x&folder=%22x"), 400, "bad_request");
    });
  }

  @Test
  void a_query_over_1000_characters_is_a_413_even_in_chinese() {
    test((app, client) -> {
      assertError(client.get("/api/search?q=" + "a".repeat(1001)), 413, "query_too_long");
      assertError(client.get("/api/search?q=" + enc("联".repeat(1001))), 413, "query_too_long");
      assertEquals(200, client.get("/api/search?q=" + enc("联".repeat(1000))).code());
    });
  }

  // ---- documents ---------------------------------------------------------------------------

  @Test
  void a_document_id_with_slashes_returns_metadata_and_full_text() {
    test((app, client) -> {
      Response r = client.get("/api/documents/zh/lianluo.txt");
      assertEquals(200, r.code());
      JsonNode d = json(r);
      assertEquals("zh/lianluo.txt", d.path("id").asText());
      assertEquals("zh", d.path("lang").asText());
      assertEquals("zh", d.path("folder").asText());
      assertTrue(d.path("body").asText().contains("对外经济联络工作"));
      assertTrue(d.path("size").asLong() > 0);
    });
  }

  @Test
  void a_percent_encoded_document_id_is_decoded() {
    test((app, client) -> assertEquals(200, client.get("/api/documents/" + enc("tw") + "/" + enc("lianluo-tw.txt")).code()));
  }

  @Test
  void an_unknown_document_is_a_404() {
    test((app, client) -> assertError(client.get("/api/documents/zh/nothing.txt"), 404, "not_found"));
  }

  @Test
  void a_file_path_that_is_not_an_index_key_is_a_404() {
    test((app, client) -> {
      assertError(client.get("/api/documents/%2E%2E/%2E%2E/etc/passwd"), 404, "not_found");
      Response absolute = client.get("/api/documents/" + enc(corpus.corpus.resolve("zh/lianluo.txt").toString()));
      assertEquals(404, absolute.code());
      assertEquals("not_found", json(absolute).path("error").asText());
    });
  }

  // ---- analyze and suggest -------------------------------------------------------------------

  @Test
  void analyze_returns_tokens_with_offsets_types_and_positions() {
    test((app, client) -> {
      JsonNode body = json(client.get("/api/analyze?text=" + enc("中國經濟聯絡中心 offices")));
      JsonNode tokens = body.path("tokens");
      assertEquals("中国", tokens.get(0).path("term").asText());
      assertEquals(0, tokens.get(0).path("start").asInt());
      assertEquals(2, tokens.get(0).path("end").asInt());
      assertEquals(0, tokens.get(0).path("position").asInt());
      assertNotNull(tokens.get(0).path("type").asText(null));
      JsonNode last = tokens.get(tokens.size() - 1);
      assertEquals(9, last.path("start").asInt());
      assertEquals(16, last.path("end").asInt());
    });
  }

  @Test
  void analyze_without_text_is_a_400_and_with_too_much_text_a_413() {
    test((app, client) -> {
      assertError(client.get("/api/analyze"), 400, "bad_request");
      assertError(client.get("/api/analyze?text=" + "a".repeat(10_001)), 413, "text_too_long");
    });
  }

  @Test
  void suggest_completes_english_and_chinese_from_terms_titles_and_the_glossary() {
    test((app, client) -> {
      Set<String> en = texts(json(client.get("/api/suggest?prefix=liai")));
      assertTrue(en.contains("liaison"), en.toString());
      assertTrue(en.contains("The Liaison Office of the Trade Council"), en.toString());
      assertTrue(en.contains("中国经济联络中心"), "the glossary offers the other language: " + en);
      Set<String> zh = texts(json(client.get("/api/suggest?prefix=" + enc("联"))));
      assertTrue(zh.contains("联络"), zh.toString());
      Set<String> tw = texts(json(client.get("/api/suggest?prefix=" + enc("聯絡"))));
      assertTrue(tw.contains("联络"), "Traditional prefixes complete too: " + tw);
    });
  }

  @Test
  void suggest_without_a_prefix_or_with_a_bad_limit_is_a_400() {
    test((app, client) -> {
      assertError(client.get("/api/suggest"), 400, "bad_request");
      assertError(client.get("/api/suggest?prefix=a&limit=500"), 400, "bad_request");
      assertError(client.get("/api/suggest?prefix=" + "a".repeat(101)), 400, "bad_request");
    });
  }

  // ---- health, metrics, openapi, static, errors, headers ---------------------------------------

  @Test
  void health_reports_ok_and_the_document_count() {
    test((app, client) -> {
      JsonNode body = json(client.get("/health"));
      assertEquals("ok", body.path("status").asText());
      assertEquals(5, body.path("documents").asInt());
    });
  }

  @Test
  void metrics_are_prometheus_text_with_requests_per_route_and_index_size() {
    test((app, client) -> {
      client.get("/api/search?q=liaison");
      client.get("/api/documents/zh/lianluo.txt");
      Response r = client.get("/metrics");
      assertEquals(200, r.code());
      assertTrue(r.headers().get("Content-Type").get(0).startsWith("text/plain"));
      String text = r.body().string();
      assertTrue(text.contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/search\",status=\"200\"}"), text);
      assertTrue(text.contains("route=\"/api/documents/<id>\""), "ids do not become labels");
      assertTrue(text.contains("liaison_index_documents 5.0"), text);
      assertTrue(text.contains("liaison_rebuild_last_duration_seconds"), text);
    });
  }

  @Test
  void openapi_describes_exactly_the_routes_the_app_registers() {
    test((app, client) -> {
      JsonNode doc = json(client.get("/openapi.json"));
      assertEquals("3.1.0", doc.path("openapi").asText());
      Set<String> described = new HashSet<>();
      for (Iterator<String> p = doc.path("paths").fieldNames(); p.hasNext(); ) {
        String path = p.next();
        doc.path("paths").path(path).fieldNames().forEachRemaining(m -> described.add(m.toUpperCase() + " " + path));
      }
      Set<String> registered = new HashSet<>();
      app.unsafe.internalRouter.allHttpHandlers().forEach(e ->
          registered.add(e.endpoint.method.name() + " " + e.endpoint.path.replace('<', '{').replace('>', '}')));
      registered.removeIf(r -> !r.matches("(GET|POST|PUT|PATCH|DELETE) .*")); // before/after filters are not routes
      assertEquals(registered, described);
      assertTrue(described.containsAll(Set.of("GET /api/search", "GET /api/documents/{id}", "GET /api/analyze",
          "GET /api/suggest", "POST /api/index/rebuild", "GET /api/index/status", "GET /health", "GET /metrics",
          "GET /openapi.json")));
    });
  }

  @Test
  void the_search_page_and_its_script_and_style_are_served() {
    test((app, client) -> {
      Response page = client.get("/");
      assertEquals(200, page.code());
      String html = page.body().string();
      assertTrue(html.contains("<script src=\"/app.js\""));
      assertFalse(html.replace("<script src=\"/app.js\" defer></script>", "").contains("<script"), "no inline script");
      assertEquals(200, client.get("/app.js").code());
      assertEquals(200, client.get("/app.css").code());
    });
  }

  @Test
  void an_unknown_route_is_a_json_404() {
    test((app, client) -> {
      assertError(client.get("/api/nothing"), 404, "not_found");
      assertError(client.get("/no/such/page.html"), 404, "not_found");
    });
  }

  @Test
  void every_response_carries_the_security_headers() {
    test((app, client) -> {
      for (String path : new String[] {"/", "/app.js", "/api/search?q=liaison", "/api/search", "/nowhere", "/metrics"}) {
        Response r = client.get(path);
        String csp = r.headers().get("Content-Security-Policy").get(0);
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), path + ": " + csp);
        assertEquals("nosniff", r.headers().get("X-Content-Type-Options").get(0), path);
        assertEquals("no-referrer", r.headers().get("Referrer-Policy").get(0), path);
      }
    });
  }

  private static Set<String> ids(JsonNode body) {
    Set<String> ids = new HashSet<>();
    body.path("hits").forEach(h -> ids.add(h.path("id").asText()));
    return ids;
  }

  private static Set<String> keys(JsonNode node) {
    Set<String> keys = new HashSet<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static Set<String> texts(JsonNode body) {
    Set<String> out = new HashSet<>();
    body.path("suggestions").forEach(s -> out.add(s.path("text").asText()));
    return out;
  }
}
