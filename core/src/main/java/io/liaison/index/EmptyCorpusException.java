package io.liaison.index;

import java.nio.file.Path;

/**
 * An indexing run found no file to index in its corpus folder while the index holds documents, and
 * was not told it may empty the index. A folder that was full and now yields nothing is far more
 * often a wrong path or a share that is not mounted than a corpus someone emptied, so the run stops
 * before it deletes anything; {@link Indexer.Options#withAllowEmpty} lets it go on.
 */
public final class EmptyCorpusException extends IllegalArgumentException {
  private final int documents;

  /**
   * @param index where the documents are: a folder, or a cluster's index
   * @param found what the folder holds that could not be indexed, or empty
   */
  public EmptyCorpusException(Path corpus, String index, int documents, String found) {
    super("corpus folder " + corpus + " has no file liaison can index" + (found.isEmpty() ? "" : " (" + found + ")")
        + ", but the " + index + " holds " + documents + " documents, which this run would delete;"
        + " check that the folder is the right one and is mounted, or run again with --allow-empty to empty the index");
    this.documents = documents;
  }

  /** The documents the index holds, which the run left in place. */
  public int documents() {
    return documents;
  }
}
