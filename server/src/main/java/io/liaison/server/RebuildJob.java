package io.liaison.server;

import io.liaison.index.IndexProgress;
import io.liaison.index.IndexSummary;
import io.liaison.search.VersionLinker;
import java.io.Closeable;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the index from the corpus folder on a background thread, one run at a time. Searches
 * keep answering while it runs: a local index is committed atomically and searches switch to it
 * in {@code afterCommit}; on a cluster the documents are replaced in place, one at a time. The
 * language versions are linked after that commit, and searches switch again once the links are
 * committed: the new documents are found meanwhile, without their versions beside them.
 *
 * <p>Between rebuilds the same thread follows commits made by others (a {@code liaison index} run
 * in another shell, another application writing the folder): once {@link #followCommits started},
 * it asks at a fixed interval whether searches still see the newest commit and, if not, runs
 * {@code afterCommit}, the path a rebuild takes. Only a commit is ever seen: a run still writing,
 * or one that died, leaves the last commit in place, as Lucene's commit guarantees.
 */
final class RebuildJob implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(RebuildJob.class);
  /** The fewest documents to search for linking's progress to be logged. */
  static final int LOG_LINKING_FROM = 1000;

  /** The indexing run itself, reporting its files to {@code progress}. */
  interface Reindex {
    IndexSummary run(IndexProgress progress) throws Exception;
  }

  /** Links language versions where that is not done yet, telling {@code progress}, and says what it did in one line. */
  interface LinkVersions {
    String run(VersionLinker.Progress progress) throws Exception;
  }

  /** Work to do after a successful commit, such as refreshing searchers. */
  interface AfterCommit {
    void run() throws Exception;
  }

  /** Whether searches see the newest commit of the index; asked often, so it must be cheap. */
  interface IndexCheck {
    boolean current() throws Exception;
  }

  /**
   * {@code background} is true for {@link #startLinking}'s linking, false for a rebuild; {@code
   * lastWarning} says what went wrong after a rebuild's documents were committed (its linking).
   */
  private record State(
      boolean running, boolean background, Long startedAt, Long finishedAt, long lastDurationMillis, IndexSummary lastResult,
      String lastError, String lastWarning, Progress progress) {}

  /**
   * Counts the files of one run as the indexer's worker threads finish them, then the documents
   * linking has searched for their language versions.
   */
  private static final class Progress implements IndexProgress, VersionLinker.Progress {
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private volatile long startNanos;
    private volatile long lastNanos;
    private final AtomicInteger linked = new AtomicInteger();
    private final AtomicInteger toLink = new AtomicInteger();
    private final AtomicInteger loggedTenths = new AtomicInteger();
    /** Set when linking starts: from then on the run commits nothing until it ends, so closing stops it at once. */
    private volatile boolean linkingStarted;

    @Override
    public void started(int files) {
      startNanos = System.nanoTime();
      lastNanos = startNanos;
      total.set(files);
    }

    @Override
    public void advanced(int done, int total, long bytesRead) {
      // Workers report concurrently and may arrive out of order: keep the highest count.
      this.done.accumulateAndGet(done, Math::max);
      lastNanos = System.nanoTime();
    }

    /**
     * Language versions only: the script versions that follow are few and quick. Where there are
     * {@value #LOG_LINKING_FROM} documents or more to search (minutes of work), each tenth of the
     * way is logged, so that a server log shows linking going on.
     */
    @Override
    public void searched(VersionLinker.Kind kind, int searched, int toSearch) {
      if (kind != VersionLinker.Kind.LANGUAGE) {
        return;
      }
      linked.accumulateAndGet(searched, Math::max);
      toLink.accumulateAndGet(toSearch, Math::max);
      if (toSearch >= LOG_LINKING_FROM) {
        int tenths = (int) (10L * searched / toSearch);
        int logged = loggedTenths.get();
        if (tenths > logged && loggedTenths.compareAndSet(logged, tenths)) {
          LOG.info("Linking language versions: {} of {} documents searched", searched, toSearch);
        }
      }
    }

    ApiResponses.RebuildProgress snapshot() {
      int d = done.get();
      double seconds = (lastNanos - startNanos) / 1e9;
      double rate = d == 0 || seconds <= 0 ? 0 : Math.round(d / seconds * 10) / 10.0;
      int linking = toLink.get(); // 0 until the first document is searched for its version
      return new ApiResponses.RebuildProgress(d, total.get(), rate,
          linking > 0 ? linked.get() : null, linking > 0 ? linking : null);
    }
  }

  private final Reindex reindex;
  private final LinkVersions link;
  private final AfterCommit afterCommit;
  private final IndexCheck current;
  /** One thread for rebuilds and commit checks, so a check never runs in the middle of a rebuild's refresh. */
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "liaison-rebuild");
    t.setDaemon(true);
    return t;
  });
  private final AtomicReference<State> state =
      new AtomicReference<>(new State(false, false, null, null, 0, null, null, null, null));
  /** How long {@link #close()} waits for a rebuild that is still indexing. */
  private final Duration indexingGrace;
  /** The last failed check's message, so that a lasting problem is logged once, not every interval. */
  private String lastCheckFailure;

  RebuildJob(Reindex reindex, LinkVersions link, AfterCommit afterCommit, IndexCheck current) {
    this(reindex, link, afterCommit, current, Duration.ofSeconds(30));
  }

  /** @param indexingGrace how long closing waits for a rebuild still indexing before interrupting it */
  RebuildJob(Reindex reindex, LinkVersions link, AfterCommit afterCommit, IndexCheck current, Duration indexingGrace) {
    this.reindex = reindex;
    this.link = link;
    this.afterCommit = afterCommit;
    this.current = current;
    this.indexingGrace = indexingGrace;
  }

  /** Checks for a newer commit every {@code interval} until {@link #close()}. */
  void followCommits(Duration interval) {
    long nanos = interval.toNanos();
    executor.scheduleWithFixedDelay(this::checkOnThisThread, nanos, nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Checks now, on the job's thread, and waits for the answer: true when searches switched to a
   * newer commit. What the schedule runs; tests call it to check at a moment of their choosing.
   */
  boolean checkForCommit() throws InterruptedException {
    try {
      return executor.submit(this::checkOnThisThread).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the commit check failed", e.getCause());
    }
  }

  /** Never throws: a failed check leaves searches where they are and the schedule running. */
  private boolean checkOnThisThread() {
    try {
      if (current.current()) {
        lastCheckFailure = null;
        return false;
      }
      afterCommit.run();
      lastCheckFailure = null;
      LOG.info("Searches switched to a newer commit of the index, made by another indexing run");
      return true;
    } catch (Exception e) {
      String failure = e.toString();
      if (!Objects.equals(failure, lastCheckFailure)) {
        lastCheckFailure = failure;
        LOG.warn("Cannot switch to a newer commit of the index, so searches stay on the one they have: {}", failure);
      }
      return false;
    }
  }

  /** Starts a rebuild; false when one is already running. */
  boolean start() {
    State before = state.get();
    if (before.running()) {
      return false;
    }
    State started = new State(true, false, System.currentTimeMillis(), null, before.lastDurationMillis(),
        before.lastResult(), before.lastError(), before.lastWarning(), new Progress());
    if (!state.compareAndSet(before, started)) {
      return false;
    }
    executor.execute(() -> run(started));
    return true;
  }

  /**
   * Indexes, lets searches see the commit, then links. A failure to index fails the rebuild and
   * leaves the last good commit searched. A failure to link does not: the documents are committed
   * and searched already, so the rebuild succeeded, with a warning that their versions are not
   * linked (the next rebuild or start of the server links them).
   */
  private void run(State started) {
    long t0 = System.nanoTime();
    IndexSummary result = null;
    String error = null;
    String warning = null;
    try {
      result = reindex.run(started.progress());
      // Searchable now; linking (minutes at 100k new documents) shows the versions when it commits.
      afterCommit.run();
      LOG.info("Rebuild indexed: {}", result.describe());
    } catch (Exception e) {
      LOG.error("Rebuild failed", e);
      // The message may name server paths; the client gets a pointer to the log instead.
      error = "the rebuild failed (" + e.getClass().getSimpleName() + "); the details are in the server log";
    }
    if (error == null) {
      try {
        started.progress().linkingStarted = true;
        String linked = link.run(started.progress());
        afterCommit.run();
        LOG.info("Rebuild finished: {}", linked);
      } catch (InterruptedIOException e) {
        LOG.info("Linking language versions stopped with the server; the next serve links them");
        warning = "the documents are indexed and searchable; linking their language versions was stopped with the "
            + "server, and the next start of the server links them";
      } catch (Exception e) {
        LOG.error("Rebuild indexed, but linking language versions failed; searches go on without them", e);
        warning = "the documents are indexed and searchable, but linking their language versions failed ("
            + e.getClass().getSimpleName() + "); the next rebuild or start of the server links them, and the "
            + "details are in the server log";
      }
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    state.set(new State(false, false, started.startedAt(), System.currentTimeMillis(), millis,
        result != null ? result : started.lastResult(), error, warning, started.progress()));
  }

  /**
   * Links language versions where that is not done yet, on the job's thread, as {@code serve} does
   * once it is up: searches answer at once, and show a hit's version once the links are committed
   * (minutes after indexing 100k new documents). Counts as running (a rebuild asked for meanwhile
   * is refused), with its count of documents searched in the status, and then leaves the status of
   * the last rebuild as it was. False when a rebuild or linking is already running.
   */
  boolean startLinking() {
    State before = state.get();
    if (before.running()) {
      return false;
    }
    Progress progress = new Progress();
    progress.linkingStarted = true;
    State started = new State(true, true, System.currentTimeMillis(), before.finishedAt(), before.lastDurationMillis(),
        before.lastResult(), before.lastError(), before.lastWarning(), progress);
    if (!state.compareAndSet(before, started)) {
      return false;
    }
    executor.execute(() -> {
      try {
        String done = link.run(progress);
        afterCommit.run();
        LOG.info("Linked in the background: {}", done);
      } catch (InterruptedIOException e) {
        LOG.info("Linking language versions stopped with the server; the next serve links what is left");
      } catch (Exception e) {
        // The index stays as it was committed, searchable; the next serve or indexing run links again.
        LOG.error("Linking language versions failed; searches go on without them", e);
      } finally {
        state.set(before);
      }
    });
    return true;
  }

  /** True while background linking runs ({@link #startLinking}); false during a rebuild's. */
  boolean linking() {
    State s = state.get();
    return s.running() && s.background();
  }

  /** Waits until the rebuild or linking running now, if any, has finished. */
  void awaitIdle() throws InterruptedException {
    try {
      executor.submit(() -> {}).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
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
    return new ApiResponses.RebuildStatus(name, s.startedAt(), s.finishedAt(), elapsed,
        s.progress() == null ? null : s.progress().snapshot(), s.lastResult(), s.lastError(), s.lastWarning());
  }

  /**
   * Stops the commit checks, waits briefly for a rebuild still indexing, then stops the thread; the
   * last good commit stays in place. Linking, a rebuild's or in the background, is stopped at once:
   * it commits nothing until it ends, and the next start of the server links again.
   */
  @Override
  public void close() {
    executor.shutdown();
    State s = state.get();
    boolean linkingNow = s.running() && s.progress() != null && s.progress().linkingStarted;
    try {
      if (linkingNow || !executor.awaitTermination(indexingGrace.toNanos(), TimeUnit.NANOSECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
