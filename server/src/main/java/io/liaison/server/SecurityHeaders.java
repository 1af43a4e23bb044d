package io.liaison.server;

import io.javalin.config.RoutesConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Headers on every response. The page loads its script and style from files of its own origin, so
 * the policy allows no inline script at all; {@code <mark>} highlighting needs no styles inline.
 */
final class SecurityHeaders {
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /** Every header, in order; {@link JettyErrors} sends the same on the errors Jetty answers itself. */
  static final Map<String, String> HEADERS = headers();

  private SecurityHeaders() {}

  private static Map<String, String> headers() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Security-Policy", CSP);
    h.put("X-Content-Type-Options", "nosniff");
    h.put("Referrer-Policy", "no-referrer");
    h.put("X-Frame-Options", "DENY");
    return Collections.unmodifiableMap(h);
  }

  static void install(RoutesConfig routes) {
    routes.before(ctx -> HEADERS.forEach(ctx::header));
  }
}
