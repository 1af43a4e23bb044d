package io.liaison.index;

import java.util.List;

/**
 * What one indexing run did.
 *
 * @param added files new to the index
 * @param updated files whose content changed
 * @param deleted documents whose files are gone
 * @param unchanged files whose content hash matched the index
 * @param skipped files that could not be indexed, with the reason
 * @param documents documents in the index after the run
 * @param bytesRead bytes of the files that were read and indexed
 * @param millis wall time of the run
 */
public record IndexSummary(
    int added, int updated, int deleted, int unchanged, List<Skipped> skipped, int documents, long bytesRead, long millis) {

  /** A file left out of the index, and why. */
  public record Skipped(String path, String reason) {}

  /** One line for people: {@code 42 documents: 40 added, 0 updated, ...}. */
  public String describe() {
    return String.format(
        "%d documents: %d added, %d updated, %d deleted, %d unchanged, %d skipped (%.1f s)",
        documents, added, updated, deleted, unchanged, skipped.size(), millis / 1000.0);
  }
}
