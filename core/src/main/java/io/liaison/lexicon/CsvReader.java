package io.liaison.lexicon;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** Reads RFC 4180 records, including quoted fields that span lines, one record at a time. */
final class CsvReader {
  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int limit;
  private long line = 1;

  CsvReader(Reader in) {
    this.in = in;
  }

  /** Line number (1-based) where the next record starts. */
  long line() {
    return line;
  }

  /** Refills the buffer when it is used up; false at the end of input. */
  private boolean fill() throws IOException {
    if (pos < limit) {
      return true;
    }
    limit = Math.max(0, in.read(buf, 0, buf.length));
    pos = 0;
    return limit > 0;
  }

  private int read() throws IOException {
    if (!fill()) {
      return -1;
    }
    char c = buf[pos++];
    if (c == '\n') {
      line++;
    }
    return c;
  }

  private int peek() throws IOException {
    if (!fill()) {
      return -1;
    }
    return buf[pos];
  }

  /** Returns the next record's fields, or null at end of input. */
  List<String> next() throws IOException {
    int c = read();
    if (c == -1) {
      return null;
    }
    List<String> fields = new ArrayList<>(16);
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStart = true;
    while (true) {
      if (c == -1) {
        fields.add(field.toString());
        return fields;
      }
      if (quoted) {
        if (c == '"') {
          if (peek() == '"') {
            read();
            field.append('"');
          } else {
            quoted = false;
          }
        } else {
          field.append((char) c);
        }
      } else if (c == '"' && fieldStart) {
        quoted = true;
        fieldStart = false;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        fieldStart = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && peek() == '\n') {
          read();
        }
        fields.add(field.toString());
        return fields;
      } else {
        field.append((char) c);
        fieldStart = false;
      }
      c = read();
    }
  }
}
