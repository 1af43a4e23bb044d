package io.liaison.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the OpenAPI 3.1 description of the API from the route table the app registers. */
final class OpenApi {
  private OpenApi() {}

  static Map<String, Object> document(List<ApiRoute> routes) {
    Map<String, Object> paths = new TreeMap<>();
    for (ApiRoute r : routes) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(r.openApiPath(), p -> new LinkedHashMap<>());
      item.put(r.method().name().toLowerCase(java.util.Locale.ROOT), operation(r));
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.1.0");
    doc.put("info", Map.of("title", "Liaison", "version", "0.1.0",
        "description", "Bilingual Chinese/English search. Every error body is {\"error\", \"message\"}, "
            + "plus \"position\" for query syntax errors."));
    doc.put("paths", paths);
    doc.put("components", Map.of(
        "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer")),
        "schemas", Map.of("Error", Map.of("type", "object", "required", List.of("error", "message"),
            "properties", Map.of(
                "error", Map.of("type", "string"),
                "message", Map.of("type", "string"),
                "position", Map.of("type", "integer", "description", "0-based position in the query"))))));
    return doc;
  }

  private static Map<String, Object> operation(ApiRoute r) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("summary", r.summary());
    if (!r.params().isEmpty()) {
      op.put("parameters", r.params().stream().map(p -> Map.of(
          "name", p.name(), "in", p.in(), "required", p.required(), "description", p.description(),
          "schema", Map.of("type", p.type()))).toList());
    }
    Map<String, Object> responses = new TreeMap<>();
    r.responses().forEach((status, text) -> {
      Map<String, Object> resp = new LinkedHashMap<>();
      resp.put("description", text);
      if (status >= 400) {
        resp.put("content", Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Error"))));
      }
      responses.put(Integer.toString(status), resp);
    });
    op.put("responses", responses);
    if (r.admin()) {
      op.put("security", List.of(Map.of("bearer", List.of())));
    }
    return op;
  }
}
