package io.liaison.server;

/** An error the client can act on: an HTTP status, a stable error code and a message for people. */
final class ApiException extends RuntimeException {
  private final int status;
  private final String error;

  ApiException(int status, String error, String message) {
    super(message, null, false, false);
    this.status = status;
    this.error = error;
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, "bad_request", message);
  }

  static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message);
  }

  int status() {
    return status;
  }

  String error() {
    return error;
  }
}
