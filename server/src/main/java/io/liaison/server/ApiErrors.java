package io.liaison.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import io.liaison.query.QuerySyntaxException;
import io.liaison.search.SearchLimitException;
import io.liaison.search.SearchTimeoutException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to a JSON body, in one place: {@code {"error": code, "message": text}} plus
 * {@code position} for query syntax errors. Unexpected exceptions become a 500 with a generic
 * message; the details go to the log, never to the client.
 */
final class ApiErrors {
  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  private ApiErrors() {}

  static void install(RoutesConfig routes) {
    routes.exception(ApiException.class, (e, ctx) -> send(ctx, e.status(), e.error(), e.getMessage(), null));
    routes.exception(QuerySyntaxException.class, (e, ctx) ->
        send(ctx, 400, "malformed_query", e.getMessage(), e.position() >= 0 ? e.position() : null));
    routes.exception(SearchLimitException.class, (e, ctx) -> send(ctx, 400, "query_too_complex", e.getMessage(), null));
    routes.exception(SearchTimeoutException.class, (e, ctx) -> send(ctx, 503, "search_timeout", e.getMessage(), null));
    routes.exception(IllegalArgumentException.class, (e, ctx) -> send(ctx, 400, "bad_request", e.getMessage(), null));
    routes.exception(ValidationException.class, (e, ctx) -> send(ctx, 400, "bad_request", describe(e), null));
    routes.exception(HttpResponseException.class, (e, ctx) ->
        send(ctx, e.getStatus(), code(e.getStatus()), e.getMessage(), null));
    routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
      send(ctx, 500, "internal_error", "the server failed to answer this request; the details are in its log", null);
    });
    // Unmatched routes and missing static files: Javalin sets 404 with no body.
    routes.error(404, "*", ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        send(ctx, 404, "not_found", "no such route: " + ctx.method() + " " + ctx.path(), null);
      }
    });
    routes.error(405, "*", ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        send(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path(), null);
      }
    });
  }

  static void send(Context ctx, int status, String error, String message, Integer position) {
    ctx.status(status).json(new Error(error, message, position));
  }

  /** Every error body. {@code position} (0-based, in the query) appears only for query syntax errors. */
  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record Error(String error, String message, Integer position) {}

  private static String code(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 409 -> "conflict";
      case 413 -> "too_large";
      case 414, 431 -> "request_too_large";
      default -> status >= 500 ? "internal_error" : "error";
    };
  }

  /** Javalin's validation errors name a rule ("TYPE_CONVERSION_FAILED"); say it in words. */
  private static String describe(ValidationException e) {
    for (Map.Entry<String, List<ValidationError<Object>>> field : e.getErrors().entrySet()) {
      for (ValidationError<Object> err : field.getValue()) {
        String name = field.getKey();
        Object value = err.value;
        return switch (err.getMessage()) {
          case "TYPE_CONVERSION_FAILED" -> name + " has an invalid value '" + value + "'";
          case "NULLCHECK_FAILED" -> "missing parameter: " + name;
          default -> name + ": " + err.getMessage();
        };
      }
    }
    return "invalid request parameters";
  }
}
