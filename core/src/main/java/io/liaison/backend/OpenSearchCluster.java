package io.liaison.backend;

import io.liaison.index.Fields;
import io.liaison.index.Scoring;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Request;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * One index on an OpenSearch cluster, reached over HTTP with the official Java client and its
 * Apache HttpClient 5 transport. Requests are JSON (the {@code liaison_concepts} query is the
 * plugin's own, so the typed query classes of the client do not know it). Thread-safe.
 */
public final class OpenSearchCluster implements Closeable {
  /** The settings and mappings an index needs; also shipped in the plugin module. */
  public static final String INDEX_TEMPLATE = "liaison-index.json";

  private final URI url;
  private final String index;
  private final OpenSearchTransport transport;
  private final OpenSearchGenericClient client;

  /**
   * @param url the cluster, e.g. {@code http://localhost:9200}
   * @param index the index name
   * @throws IllegalArgumentException when the URL or the index name is not usable
   */
  public OpenSearchCluster(URI url, String index) {
    if (url.getScheme() == null || !url.getScheme().matches("https?") || url.getHost() == null) {
      throw new IllegalArgumentException("--opensearch needs a URL such as http://localhost:9200, not " + url);
    }
    if (!index.matches("[a-z0-9][a-z0-9_.-]*")) {
      throw new IllegalArgumentException("index name '" + index
          + "' is not valid on OpenSearch: lower-case letters, digits, '_', '-', '.', not starting with a symbol");
    }
    this.url = url;
    this.index = index;
    int port = url.getPort() > 0 ? url.getPort() : url.getScheme().equals("https") ? 443 : 80;
    this.transport = ApacheHttpClient5TransportBuilder.builder(new HttpHost(url.getScheme(), url.getHost(), port)).build();
    this.client = new OpenSearchGenericClient(transport);
  }

  public String index() {
    return index;
  }

  /** {@code URL/index}, for messages. */
  public String describe() {
    return url.toString().replaceAll("/+$", "") + "/" + index;
  }

  /** The path of this index with {@code suffix}, e.g. {@code /news/_search}. */
  String path(String suffix) {
    return "/" + index + suffix;
  }

  static String encode(String pathPart) {
    return URLEncoder.encode(pathPart, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Whether the index exists. */
  public boolean exists() throws IOException {
    return send("HEAD", path(""), Map.of(), null).status() == 200;
  }

  /** Creates the index with the shipped settings and mappings, with these shard and replica counts. */
  public void create(int shards, int replicas) throws IOException {
    JsonObject template;
    try (InputStream in = OpenSearchCluster.class.getResourceAsStream(INDEX_TEMPLATE)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("bundled resource " + INDEX_TEMPLATE + " is missing from the jar"));
      }
      try (JsonReader r = Json.createReader(in)) {
        template = r.readObject();
      }
    }
    JsonObject settings = template.getJsonObject("settings");
    JsonObject indexSettings = Json.createObjectBuilder(settings.getJsonObject("index"))
        .add("number_of_shards", shards).add("number_of_replicas", replicas).build();
    JsonObject body = Json.createObjectBuilder(template)
        .add("settings", Json.createObjectBuilder(settings).add("index", indexSettings))
        .build();
    ok(send("PUT", path(""), Map.of(), body.toString()), "create the index");
  }

  /**
   * What differs between the index's scoring and the embedded index's ({@link Scoring}): empty
   * when the index scores with BM25 and the same k1 and b, else a sentence saying what it uses and
   * how to align it. An index created from an older {@value #INDEX_TEMPLATE} has OpenSearch's
   * defaults (1.2, 0.75) and ranks differently from the embedded index.
   */
  public Optional<String> scoringMismatch() throws IOException {
    JsonObject all = json("GET", path("/_settings"), Map.of("flat_settings", "true"), null, "read the index settings");
    JsonObject settings = all.isEmpty() ? Json.createObjectBuilder().build()
        : all.getJsonObject(all.keySet().iterator().next()).getJsonObject("settings");
    String type = settings.getString("index.similarity.default.type", "BM25");
    float k1 = Float.parseFloat(settings.getString("index.similarity.default.k1", "1.2"));
    float b = Float.parseFloat(settings.getString("index.similarity.default.b", "0.75"));
    if (type.equals("BM25") && Math.abs(k1 - Scoring.K1) < 1e-6f && Math.abs(b - Scoring.B) < 1e-6f) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT,
        "the index %s scores with %s k1 %s, b %s, and Liaison's embedded index with BM25 k1 %s, b %s, so the two rank"
            + " differently; build it again with: liaison index --rebuild --opensearch %s --index-name %s (or close it,"
            + " set index.similarity.default.k1 and .b, and open it)",
        describe(), type, k1, b, Scoring.K1, Scoring.B, url, index));
  }

  /**
   * Empty when the index maps the page's script ({@link Fields#SCRIPT}), else a
   * sentence saying what it costs and how to mend it. An index created from an older {@value
   * #INDEX_TEMPLATE} has no such field: a Simplified query's Taiwan forms, which count only in
   * Traditional pages, then count in none, and its strict mappings refuse new documents.
   */
  public Optional<String> scriptMissing() throws IOException {
    JsonObject all = json("GET", path("/_mapping"), Map.of(), null, "read the index mappings");
    boolean mapped = all.values().stream().map(JsonValue::asJsonObject)
        .map(i -> i.getJsonObject("mappings")).filter(m -> m != null && m.getJsonObject("properties") != null)
        .anyMatch(m -> m.getJsonObject("properties").containsKey(Fields.SCRIPT));
    if (mapped) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT,
        "the index %s has no field %s (it was created by an earlier Liaison), so a Simplified query's Taiwan forms"
            + " (软件: 軟體) find no Traditional page there, and new documents are refused; build it again with:"
            + " liaison index --rebuild --opensearch %s --index-name %s",
        describe(), Fields.SCRIPT, url, index));
  }

  /** Deletes the index if it exists. */
  public void delete() throws IOException {
    Reply r = send("DELETE", path(""), Map.of(), null);
    if (r.status() != 404) {
      ok(r, "delete the index");
    }
  }

  /** A JSON request whose reply must be 2xx; returns the reply's JSON. */
  JsonObject json(String method, String path, Map<String, String> params, String body, String what) throws IOException {
    return ok(send(method, path, params, body), what);
  }

  /** Sends newline-delimited JSON to {@code _bulk}; returns the reply. */
  JsonObject bulk(String ndjson) throws IOException {
    Request request = Requests.builder().method("POST").endpoint(path("/_bulk"))
        .body(Body.from(ndjson.getBytes(StandardCharsets.UTF_8), "application/x-ndjson")).build();
    return ok(execute(request), "index documents");
  }

  record Reply(int status, String body) {
    JsonObject json() {
      try (JsonReader r = Json.createReader(new StringReader(body.isEmpty() ? "{}" : body))) {
        return r.readObject();
      }
    }
  }

  Reply send(String method, String path, Map<String, String> params, String body) throws IOException {
    var b = Requests.builder().method(method).endpoint(path).query(params);
    if (body != null) {
      b.json(body);
    }
    return execute(b.build());
  }

  private Reply execute(Request request) throws IOException {
    try (Response response = client.execute(request)) {
      Optional<Body> body = response.getBody();
      String text = body.map(Body::bodyAsString).orElse("");
      return new Reply(response.getStatus(), text);
    } catch (IOException e) {
      throw new IOException("cannot reach OpenSearch at " + url + " (" + e.getMessage()
          + "); check the URL and that the cluster is up", e);
    }
  }

  JsonObject ok(Reply r, String what) throws IOException {
    if (r.status() / 100 == 2) {
      return r.json();
    }
    String reason = r.body();
    try {
      JsonObject error = r.json().getJsonObject("error");
      if (error != null) {
        reason = error.getString("type", "") + ": " + error.getString("reason", r.body());
      }
    } catch (RuntimeException notJson) {
      // keep the raw body as the reason
    }
    if (r.status() == 404 && reason.contains("index_not_found")) {
      throw new IllegalArgumentException("no index '" + index + "' on " + url
          + "; build one with: liaison index --opensearch " + url + " --index-name " + index);
    }
    throw new IOException("OpenSearch could not " + what + " (HTTP " + r.status() + "): " + reason);
  }

  @Override
  public void close() throws IOException {
    transport.close();
  }
}
