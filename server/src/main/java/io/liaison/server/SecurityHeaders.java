package io.liaison.server;

import io.javalin.config.RoutesConfig;

/**
 * Headers on every response. The page loads its script and style from files of its own origin, so
 * the policy allows no inline script at all; {@code <mark>} highlighting needs no styles inline.
 */
final class SecurityHeaders {
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private SecurityHeaders() {}

  static void install(RoutesConfig routes) {
    routes.before(ctx -> {
      ctx.header("Content-Security-Policy", CSP);
      ctx.header("X-Content-Type-Options", "nosniff");
      ctx.header("Referrer-Policy", "no-referrer");
      ctx.header("X-Frame-Options", "DENY");
    });
  }
}
