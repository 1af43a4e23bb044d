package io.liaison.server;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;

/**
 * One route of the API: what the app registers and what {@code /openapi.json} describes, from the
 * same value, so the two cannot drift apart.
 *
 * @param method the HTTP method
 * @param path the path in Javalin syntax ({@code <id>} for a parameter that may contain slashes)
 * @param summary one sentence for people
 * @param params its parameters
 * @param responses status code to what it means
 * @param admin true when it needs the bearer token
 * @param handler what runs
 */
record ApiRoute(
    HandlerType method, String path, String summary, List<Param> params, Map<Integer, String> responses,
    boolean admin, Handler handler) {

  /** A query or path parameter. */
  record Param(String name, String in, boolean required, String type, String description) {
    static Param query(String name, String type, String description) {
      return new Param(name, "query", false, type, description);
    }

    static Param requiredQuery(String name, String type, String description) {
      return new Param(name, "query", true, type, description);
    }

    static Param path(String name, String description) {
      return new Param(name, "path", true, "string", description);
    }
  }

  /** The path as OpenAPI writes it: {@code /api/documents/{id}}. */
  String openApiPath() {
    return path.replace('<', '{').replace('>', '}');
  }
}
