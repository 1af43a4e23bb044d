package io.liaison.index;

/**
 * Told how an indexing run advances, for a progress bar or log lines. Implementations must be
 * thread-safe: {@link #advanced} is called from the worker threads after each file.
 */
public interface IndexProgress {

  /** Reports nothing. */
  IndexProgress NONE = new IndexProgress() {};

  /**
   * The index was written by an older Liaison, in format {@code from}: this run reads every
   * document again, as a rebuild does, to write format {@link IndexLayout#FORMAT}.
   */
  default void upgrading(String from) {}

  /** The folder has been walked: {@code files} files will be looked at. */
  default void started(int files) {}

  /**
   * One more file is done (indexed, unchanged or skipped).
   *
   * @param done files finished so far
   * @param total files in this run
   * @param bytesRead bytes read from files so far
   */
  default void advanced(int done, int total, long bytesRead) {}

  /** Every file is done and the new commit is being written. */
  default void committing() {}
}
