package io.liaison.ingest;

import java.io.IOException;

/** A file that cannot be turned into a document: its reason is reported in the index summary. */
public final class UnsupportedFileException extends IOException {
  public UnsupportedFileException(String reason) {
    super(reason);
  }
}
