package io.liaison.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers before a request reaches Javalin (a URI with a NUL or an ambiguous
 * encoding, a request line or headers over the size limit): the same JSON body shape and the same
 * security headers as every other response, and a fixed message, never Jetty's own text.
 */
final class JettyErrors extends ErrorHandler {
  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    SecurityHeaders.HEADERS.forEach((name, value) -> response.getHeaders().put(name, value));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, body(code), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    SecurityHeaders.HEADERS.forEach(fields::put);
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return body(status);
  }

  private static ByteBuffer body(int status) {
    String error;
    String message;
    switch (status) {
      case 414, 431 -> {
        error = "request_too_large";
        message = "the request line or headers are too large; together they may take at most 32 KB";
      }
      case 413 -> {
        error = "too_large";
        message = "the request body is too large";
      }
      case 400 -> {
        error = "bad_request";
        message = "the request is malformed: check the URL's encoding (no NUL characters or encoded path separators)";
      }
      default -> {
        error = status >= 500 ? "internal_error" : "error";
        message = "the server could not handle this request (HTTP " + status + ")";
      }
    }
    return ByteBuffer.wrap(("{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
  }
}
