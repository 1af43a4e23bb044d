package io.liaison.server;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.liaison.Liaison;
import io.liaison.ingest.Language;
import io.liaison.query.QuerySyntaxException;
import io.liaison.search.SearchRequest;
import java.util.Map;

/** The HTTP application: builds an unstarted Javalin from a searcher and a config. */
public final class App {
  private App() {}

  /** Creates the app; the caller starts it. */
  public static Javalin create(Liaison liaison, ServerConfig config) {
    return Javalin.create(cfg -> {
      cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
      cfg.startup.showJavalinBanner = false;
      cfg.startup.showOldJavalinVersionWarning = false;
      cfg.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok", "documents", liaison.searcher().documentCount())));
      cfg.routes.get("/api/search", ctx -> search(liaison, ctx));
      cfg.routes.exception(QuerySyntaxException.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST)
          .json(new Json.Error("malformed_query", e.getMessage(), e.position() >= 0 ? e.position() : null)));
      cfg.routes.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST)
          .json(new Json.Error("bad_request", e.getMessage(), null)));
      cfg.routes.error(HttpStatus.NOT_FOUND, ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty()) {
          ctx.json(new Json.Error("not_found", "no such route: " + ctx.path(), null));
        }
      });
    });
  }

  private static void search(Liaison liaison, Context ctx) throws Exception {
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      throw new IllegalArgumentException("missing query: add ?q=words");
    }
    int limit = intParam(ctx, "limit", 10);
    int page = intParam(ctx, "page", 1);
    String lang = ctx.queryParam("lang");
    String translate = ctx.queryParam("translate");
    SearchRequest request = SearchRequest.of(q).withLimit(limit).withPage(page)
        .withTranslate(translate == null || !translate.equals("false"));
    if (lang != null && !lang.isBlank()) {
      request = request.withLanguage(Language.fromCode(lang));
    }
    ctx.json(Json.cliResult(liaison.search(request)));
  }

  private static int intParam(Context ctx, String name, int dflt) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestResponse(name + " must be a whole number, not '" + v + "'");
    }
  }
}
