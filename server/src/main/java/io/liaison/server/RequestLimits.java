package io.liaison.server;

import io.javalin.config.RoutesConfig;

/**
 * Refuses request bodies before any handler runs: no route reads a body, so anything over a few
 * kilobytes is a mistake or an attack, and is answered 413 without reading it. (Oversized URLs and
 * headers are refused by Jetty itself, with 414 or 431, at {@code requestHeaderSize}.)
 */
final class RequestLimits {
  static final long MAX_BODY_BYTES = 64 * 1024;

  private RequestLimits() {}

  static void install(RoutesConfig routes) {
    routes.before(ctx -> {
      long length = ctx.contentLength();
      if (length > MAX_BODY_BYTES) {
        // The client is still sending: close the connection rather than read megabytes to drain it.
        ctx.header("Connection", "close");
        throw new ApiException(413, "too_large",
            "the request body has " + length + " bytes; the limit is " + MAX_BODY_BYTES + " (no endpoint takes a body)");
      }
    });
  }
}
