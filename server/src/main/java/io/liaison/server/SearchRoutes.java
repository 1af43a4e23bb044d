package io.liaison.server;

import static io.liaison.server.ApiRoute.Param.path;
import static io.liaison.server.ApiRoute.Param.query;
import static io.liaison.server.ApiRoute.Param.requiredQuery;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.liaison.Liaison;
import io.liaison.analysis.AnalyzedToken;
import io.liaison.index.Fields;
import io.liaison.ingest.Language;
import io.liaison.search.SearchRequest;
import io.liaison.search.Suggester;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The read-only API: search, documents, analysis and suggestions. Handlers only translate HTTP. */
final class SearchRoutes {
  static final int MAX_LIMIT = 100;
  static final int MAX_ANALYZE_CHARS = 10_000;
  static final int MAX_SUGGESTIONS = 20;

  private final Liaison liaison;
  private final Suggester suggester;

  SearchRoutes(Liaison liaison, Suggester suggester) {
    this.liaison = liaison;
    this.suggester = suggester;
  }

  List<ApiRoute> routes() {
    return List.of(
        new ApiRoute(HandlerType.GET, "/api/search", "Searches the index in Chinese and English.",
            List.of(requiredQuery("q", "string", "The query, in Lucene's classic syntax (at most 1000 characters)."),
                query("page", "integer", "1-based page number (default 1)."),
                query("limit", "integer", "Hits per page, 1 to " + MAX_LIMIT + " (default 10)."),
                query("lang", "string", "Only documents in this language: zh, en or mixed."),
                query("folder", "string", "Only documents in this corpus folder."),
                query("translate", "boolean", "Expand the query with translations (default true).")),
            Map.of(200, "Hits, expansion and facets",
                400, "Missing or malformed query, a bad parameter, or a query over a limit (wildcards, regular expression size, clauses)",
                413, "Query longer than 1000 characters", 503, "The search ran past the time limit and was stopped"),
            false, this::search),
        new ApiRoute(HandlerType.GET, "/api/documents/<id>", "Returns an indexed document with its full text.",
            List.of(path("id", "The document id as search hits give it; it may contain slashes.")),
            Map.of(200, "The document", 404, "No document with this id in the index"),
            false, this::document),
        new ApiRoute(HandlerType.GET, "/api/analyze", "Shows how text is analyzed into indexed terms.",
            List.of(requiredQuery("text", "string", "The text, at most " + MAX_ANALYZE_CHARS + " characters.")),
            Map.of(200, "Tokens with offsets, types and positions", 400, "Missing text", 413, "Text too long"),
            false, this::analyze),
        new ApiRoute(HandlerType.GET, "/api/suggest", "Completes a prefix from indexed terms, titles and the glossary.",
            List.of(requiredQuery("prefix", "string", "The beginning of a word or name, at most 100 characters."),
                query("limit", "integer", "How many, 1 to " + MAX_SUGGESTIONS + " (default 8).")),
            Map.of(200, "Completions, best first", 400, "Missing prefix or bad limit"),
            false, this::suggest));
  }

  private void search(Context ctx) throws IOException {
    String q = required(ctx, "q");
    if (q.length() > SearchRequest.MAX_QUERY_CHARS) {
      throw new ApiException(413, "query_too_long",
          "the query has " + q.length() + " characters; the limit is " + SearchRequest.MAX_QUERY_CHARS);
    }
    int page = ctx.queryParamAsClass("page", Integer.class)
        .check(p -> p == null || p >= 1 && p <= 1000, "must be between 1 and 1000").getOrDefault(1);
    int limit = ctx.queryParamAsClass("limit", Integer.class)
        .check(l -> l == null || l >= 1 && l <= MAX_LIMIT, "must be between 1 and " + MAX_LIMIT).getOrDefault(10);
    boolean translate = switch (ctx.queryParamAsClass("translate", String.class).getOrDefault("true")) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw ApiException.badRequest("translate must be true or false");
    };
    String lang = ctx.queryParam("lang");
    String folder = ctx.queryParam("folder");
    SearchRequest request = SearchRequest.of(q).withPage(page).withLimit(limit).withTranslate(translate);
    if (lang != null && !lang.isBlank()) {
      request = request.withLanguage(Language.fromCode(lang));
    }
    if (folder != null && !folder.isBlank()) {
      // The filter is an exact term, so no name can inject query syntax; quoted or escaped names stay
      // a 400 as before, since no corpus folder the facets show is spelled that way.
      if (folder.length() > 200 || folder.contains("\"") || folder.contains("\\")) {
        throw ApiException.badRequest("folder must be a folder name as the facets give it");
      }
      request = request.withFolder(folder);
    }
    ctx.json(ApiResponses.SearchResult.of(q, page, limit, liaison.search(request)));
  }

  private void document(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    var doc = liaison.document(id);
    if (doc.isEmpty()) {
      throw ApiException.notFound("no document with id '" + id + "' in the index");
    }
    ctx.json(ApiResponses.Document.of(doc.get()));
  }

  private void analyze(Context ctx) {
    String text = required(ctx, "text");
    if (text.length() > MAX_ANALYZE_CHARS) {
      throw new ApiException(413, "text_too_long",
          "the text has " + text.length() + " characters; the limit is " + MAX_ANALYZE_CHARS);
    }
    List<AnalyzedToken> tokens = AnalyzedToken.analyze(liaison.analyzer(), Fields.BODY, text);
    ctx.json(new ApiResponses.Analysis(text, tokens));
  }

  private void suggest(Context ctx) throws IOException {
    String prefix = required(ctx, "prefix");
    int limit = ctx.queryParamAsClass("limit", Integer.class)
        .check(l -> l == null || l >= 1 && l <= MAX_SUGGESTIONS, "must be between 1 and " + MAX_SUGGESTIONS).getOrDefault(8);
    ctx.json(new ApiResponses.Suggestions(prefix, suggester.suggest(prefix, limit)));
  }

  private static String required(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      throw ApiException.badRequest("missing parameter: add ?" + name + "=...");
    }
    return v;
  }
}
