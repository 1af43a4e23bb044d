package io.liaison.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/** Index administration behind a bearer token: start a rebuild, watch it. */
final class AdminRoutes {
  private final RebuildJob rebuild;
  private final byte[] token;

  /** {@code token} null disables the routes (403). */
  AdminRoutes(RebuildJob rebuild, String token) {
    this.rebuild = rebuild;
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  List<ApiRoute> routes() {
    Map<Integer, String> auth = Map.of(401, "Missing or wrong bearer token",
        403, "Admin endpoints are disabled: no LIAISON_ADMIN_TOKEN is configured");
    return List.of(
        new ApiRoute(HandlerType.POST, "/api/index/rebuild", "Starts rebuilding the index from the corpus folder.",
            List.of(), merge(auth, Map.of(202, "Rebuild started", 409, "A rebuild is already running")),
            true, this::rebuild),
        new ApiRoute(HandlerType.GET, "/api/index/status",
            "Reports the running rebuild and the last result: state, startedAt, finishedAt, elapsedMs, "
                + "progress (filesDone, filesTotal, filesPerSecond, then linkingDone and linkingTotal once the "
                + "files are committed and searchable), lastResult, lastError (the rebuild failed; the last good "
                + "index is still searched) and lastWarning (the files were indexed and are searched, but linking "
                + "their language versions did not finish).",
            List.of(), merge(auth, Map.of(200, "Rebuild status, with files done out of the total while running")),
            true, this::status));
  }

  private static Map<Integer, String> merge(Map<Integer, String> a, Map<Integer, String> b) {
    var m = new java.util.TreeMap<>(a);
    m.putAll(b);
    return m;
  }

  private void rebuild(Context ctx) {
    authorize(ctx);
    if (!rebuild.start()) {
      throw new ApiException(409, "conflict", rebuild.linking()
          ? "language versions are being linked in the background; ask again once GET /api/index/status says it is done"
          : "a rebuild is already running; watch GET /api/index/status");
    }
    ctx.status(202).json(new ApiResponses.Accepted("started", "/api/index/status"));
  }

  private void status(Context ctx) {
    authorize(ctx);
    ctx.json(rebuild.status());
  }

  private void authorize(Context ctx) {
    if (token == null) {
      throw new ApiException(403, "forbidden",
          "admin endpoints are disabled; start the server with LIAISON_ADMIN_TOKEN set to enable them");
    }
    String header = ctx.header("Authorization");
    byte[] given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8)
        : new byte[0];
    if (!MessageDigest.isEqual(given, token)) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiException(401, "unauthorized", "send the admin token as 'Authorization: Bearer <token>'");
    }
  }
}
