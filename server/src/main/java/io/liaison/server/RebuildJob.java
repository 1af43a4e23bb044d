package io.liaison.server;

import io.liaison.index.IndexSummary;
import io.liaison.index.Indexer;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the index from the corpus folder on a background thread, one run at a time. The indexer
 * commits atomically, so searches keep answering from the old index until {@code afterCommit}
 * switches them to the new one.
 */
final class RebuildJob implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(RebuildJob.class);

  /** Work to do after a successful commit, such as refreshing searchers. */
  interface AfterCommit {
    void run() throws Exception;
  }

  private record State(
      boolean running, Long startedAt, Long finishedAt, long lastDurationMillis, IndexSummary lastResult, String lastError) {}

  private final Path corpus;
  private final Path index;
  private final AfterCommit afterCommit;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "liaison-rebuild");
    t.setDaemon(true);
    return t;
  });
  private final AtomicReference<State> state = new AtomicReference<>(new State(false, null, null, 0, null, null));

  RebuildJob(Path corpus, Path index, AfterCommit afterCommit) {
    this.corpus = corpus;
    this.index = index;
    this.afterCommit = afterCommit;
  }

  /** Starts a rebuild; false when one is already running. */
  boolean start() {
    State before = state.get();
    if (before.running()) {
      return false;
    }
    State started = new State(true, System.currentTimeMillis(), null, before.lastDurationMillis(), before.lastResult(), before.lastError());
    if (!state.compareAndSet(before, started)) {
      return false;
    }
    executor.execute(() -> run(started));
    return true;
  }

  private void run(State started) {
    long t0 = System.nanoTime();
    IndexSummary result = null;
    String error = null;
    try {
      result = new Indexer(Indexer.Options.of(corpus, index).withRebuild(true)).run();
      afterCommit.run();
      LOG.info("Rebuild finished: {}", result.describe());
    } catch (Exception e) {
      LOG.error("Rebuild failed", e);
      // The message may name server paths; the client gets a pointer to the log instead.
      error = "the rebuild failed (" + e.getClass().getSimpleName() + "); the details are in the server log";
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    state.set(new State(false, started.startedAt(), System.currentTimeMillis(), millis,
        result != null ? result : started.lastResult(), error));
  }

  boolean running() {
    return state.get().running();
  }

  long lastDurationMillis() {
    return state.get().lastDurationMillis();
  }

  long lastFinishedMillis() {
    Long f = state.get().finishedAt();
    return f == null ? 0 : f;
  }

  ApiResponses.RebuildStatus status() {
    State s = state.get();
    String name = s.running() ? "running" : s.finishedAt() == null ? "idle" : s.lastError() == null ? "succeeded" : "failed";
    Long elapsed = null;
    if (s.running()) {
      elapsed = System.currentTimeMillis() - s.startedAt();
    } else if (s.finishedAt() != null) {
      elapsed = s.lastDurationMillis();
    }
    return new ApiResponses.RebuildStatus(name, s.startedAt(), s.finishedAt(), elapsed, s.lastResult(), s.lastError());
  }

  /** Waits briefly for a running rebuild, then stops the thread; the last good commit stays in place. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
