package io.liaison.query;

/** A query that cannot be parsed, with the character position of the problem (0-based, or -1 if unknown). */
public final class QuerySyntaxException extends IllegalArgumentException {
  private final int position;

  public QuerySyntaxException(String message, int position, Throwable cause) {
    super(message, cause);
    this.position = position;
  }

  public int position() {
    return position;
  }
}
