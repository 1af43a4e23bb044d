package io.liaison.index;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What one indexing run did.
 *
 * @param added files new to the index
 * @param updated files whose content changed
 * @param deleted documents whose files are gone
 * @param unchanged files whose content hash matched the index
 * @param skipped files that could not be indexed, with the reason
 * @param unsupportedTypes files left out because the indexer does not read their type, counted per
 *     extension, most files first (hidden files and the system files Windows hides are not counted)
 * @param documents documents in the index after the run
 * @param bytesRead bytes of the files that were read and indexed
 * @param millis wall time of the run
 */
public record IndexSummary(
    int added, int updated, int deleted, int unchanged, List<Skipped> skipped, List<UnsupportedType> unsupportedTypes,
    int documents, long bytesRead, long millis) {

  /** Types named one by one in {@link #describe()}; the rest are added up, so a messy folder stays one line. */
  static final int TYPES_NAMED = 8;

  /** A file left out of the index, and why. */
  public record Skipped(String path, String reason) {}

  /**
   * Files of one type the indexer does not read.
   *
   * @param extension the extension with its dot ({@code .doc}), or {@code (no extension)}
   * @param files how many files have it
   */
  public record UnsupportedType(String extension, int files) {}

  public IndexSummary {
    skipped = List.copyOf(skipped);
    unsupportedTypes = List.copyOf(unsupportedTypes);
  }

  /** A run that met no file of an unsupported type, or did not count them. */
  public IndexSummary(
      int added, int updated, int deleted, int unchanged, List<Skipped> skipped, int documents, long bytesRead, long millis) {
    this(added, updated, deleted, unchanged, skipped, List.of(), documents, bytesRead, millis);
  }

  /**
   * One line for people: {@code 42 documents: 40 added, 0 updated, ...}, and the files of types
   * the indexer does not read when there were any ({@code ...; 3 files not indexed, of types
   * liaison does not read: 2 .doc, 1 .xls}).
   */
  public String describe() {
    String line = String.format(Locale.ROOT,
        "%d documents: %d added, %d updated, %d deleted, %d unchanged, %d skipped (%.1f s)",
        documents, added, updated, deleted, unchanged, skipped.size(), millis / 1000.0);
    return unsupportedTypes.isEmpty() ? line : line + "; " + describeUnsupported();
  }

  /** {@code 3 files not indexed, of types liaison does not read: 2 .doc, 1 .xls}; empty when there are none. */
  public String describeUnsupported() {
    if (unsupportedTypes.isEmpty()) {
      return "";
    }
    return count(unsupportedTypes.stream().mapToInt(UnsupportedType::files).sum(), "file")
        + " not indexed, of types liaison does not read: " + list(unsupportedTypes);
  }

  /** {@code 2 .doc, 1 .xls}, the first {@value #TYPES_NAMED} types named and the rest added up. */
  static String list(List<UnsupportedType> types) {
    String named = types.stream().limit(TYPES_NAMED).map(t -> t.files() + " " + t.extension())
        .collect(Collectors.joining(", "));
    List<UnsupportedType> rest = types.subList(Math.min(TYPES_NAMED, types.size()), types.size());
    if (!rest.isEmpty()) {
      named += " and " + count(rest.stream().mapToInt(UnsupportedType::files).sum(), "file") + " of "
          + count(rest.size(), "other type");
    }
    return named;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
