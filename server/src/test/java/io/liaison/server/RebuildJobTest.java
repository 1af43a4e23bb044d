package io.liaison.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.liaison.index.IndexSummary;
import io.liaison.search.VersionLinker;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A rebuild's documents are searched as soon as they are committed, before linking their versions ends. */
class RebuildJobTest {

  @Test
  void searchesSeeARebuildsFilesBeforeItsLinkingEndsAndTheStatusCountsBoth() throws Exception {
    AtomicInteger refreshes = new AtomicInteger();
    AtomicInteger refreshesWhenLinkingStarted = new AtomicInteger(-1);
    CountDownLatch linkingStarted = new CountDownLatch(1);
    CountDownLatch finishLinking = new CountDownLatch(1);
    IndexSummary indexed = new IndexSummary(3, 0, 0, 0, List.of(), 3, 300, 5);
    try (RebuildJob job = new RebuildJob(progress -> {
          progress.started(3);
          progress.advanced(3, 3, 300);
          return indexed;
        }, progress -> {
          refreshesWhenLinkingStarted.set(refreshes.get());
          progress.searched(VersionLinker.Kind.LANGUAGE, 1, 4);
          progress.searched(VersionLinker.Kind.LANGUAGE, 2, 4);
          linkingStarted.countDown();
          assertTrue(finishLinking.await(30, TimeUnit.SECONDS));
          progress.searched(VersionLinker.Kind.LANGUAGE, 4, 4);
          progress.searched(VersionLinker.Kind.SCRIPT, 1, 1); // not counted: script versions follow, few and quick
          return "language versions: 2 pairs";
        }, refreshes::incrementAndGet, () -> true)) {
      assertNull(job.status().progress(), "idle, nothing counted yet");
      assertTrue(job.start());
      assertTrue(linkingStarted.await(30, TimeUnit.SECONDS));
      assertEquals(1, refreshesWhenLinkingStarted.get(), "the new commit is searched before linking starts");
      ApiResponses.RebuildStatus running = job.status();
      assertEquals("running", running.state());
      assertEquals(new ApiResponses.RebuildProgress(3, 3, running.progress().filesPerSecond(), 2, 4), running.progress());

      finishLinking.countDown();
      job.awaitIdle();
      ApiResponses.RebuildStatus done = job.status();
      assertEquals("succeeded", done.state());
      assertEquals(2, refreshes.get(), "and again once the links are committed");
      assertEquals(indexed, done.lastResult());
      assertEquals(4, done.progress().linkingDone());
      assertEquals(4, done.progress().linkingTotal());
    }
  }

  @Test
  void aLinkingFailureAfterTheCommitLeavesTheRebuildSucceededWithAWarning() throws Exception {
    AtomicInteger refreshes = new AtomicInteger();
    IndexSummary indexed = new IndexSummary(3, 0, 0, 0, List.of(), 3, 300, 5);
    try (RebuildJob job = new RebuildJob(progress -> indexed, progress -> {
          throw new IOException("No space left on device");
        }, refreshes::incrementAndGet, () -> true)) {
      assertTrue(job.start());
      job.awaitIdle();
      ApiResponses.RebuildStatus done = job.status();
      assertEquals("succeeded", done.state(), "the documents are committed and searched");
      assertEquals(1, refreshes.get());
      assertEquals(indexed, done.lastResult());
      assertNull(done.lastError());
      assertTrue(done.lastWarning().startsWith("the documents are indexed and searchable, but linking their language "
          + "versions failed (IOException); the next rebuild or start of the server links them"), done.lastWarning());
      assertFalse(done.lastWarning().contains("No space"), "the message stays in the server log");
    }
  }

  @Test
  void closingDuringARebuildsLinkingStopsItAtOnce() throws Exception {
    CountDownLatch linkingStarted = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    // A day's grace for indexing: closing may not wait for linking at all.
    RebuildJob job = new RebuildJob(progress -> new IndexSummary(1, 0, 0, 0, List.of(), 1, 10, 1), progress -> {
          linkingStarted.countDown();
          try {
            never.await();
          } catch (InterruptedException e) {
            interrupted.countDown();
            throw new InterruptedIOException("stopped");
          }
          return "never";
        }, () -> {}, () -> true, Duration.ofDays(1));
    assertTrue(job.start());
    assertTrue(linkingStarted.await(30, TimeUnit.SECONDS));
    assertFalse(job.linking(), "a rebuild's linking is not background linking (409 says a rebuild is running)");
    assertTimeoutPreemptively(Duration.ofMinutes(1), job::close);
    assertTrue(interrupted.await(30, TimeUnit.SECONDS));
  }

  @Test
  void backgroundLinkingShowsItsCountInTheStatusAndThenLeavesTheLastRebuildsAsItWas() throws Exception {
    CountDownLatch linkingStarted = new CountDownLatch(1);
    CountDownLatch finishLinking = new CountDownLatch(1);
    try (RebuildJob job = new RebuildJob(progress -> {
          throw new AssertionError("no rebuild here");
        }, progress -> {
          progress.searched(VersionLinker.Kind.LANGUAGE, 5, 9);
          linkingStarted.countDown();
          assertTrue(finishLinking.await(30, TimeUnit.SECONDS));
          return "language versions: 1 pair";
        }, () -> {}, () -> true)) {
      assertTrue(job.startLinking());
      assertTrue(linkingStarted.await(30, TimeUnit.SECONDS));
      assertTrue(job.linking());
      ApiResponses.RebuildStatus running = job.status();
      assertEquals("running", running.state());
      assertEquals(new ApiResponses.RebuildProgress(0, 0, 0, 5, 9), running.progress());
      finishLinking.countDown();
      job.awaitIdle();
      assertEquals("idle", job.status().state());
      assertNull(job.status().progress());
    }
  }

  @Test
  void longLinkingLogsEachTenthOfItsWayAndShortLinkingNothing() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(RebuildJob.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    logger.addAppender(logged);
    try {
      for (int total : new int[] {RebuildJob.LOG_LINKING_FROM - 1, 2000}) {
        logged.list.clear();
        try (RebuildJob job = new RebuildJob(progress -> {
              throw new AssertionError("no rebuild here");
            }, progress -> {
              for (int i = 1; i <= total; i++) {
                progress.searched(VersionLinker.Kind.LANGUAGE, i, total);
              }
              return "done";
            }, () -> {}, () -> true)) {
          assertTrue(job.startLinking());
          job.awaitIdle();
        }
        List<String> lines = logged.list.stream().map(ILoggingEvent::getFormattedMessage)
            .filter(m -> m.startsWith("Linking language versions:")).toList();
        if (total < RebuildJob.LOG_LINKING_FROM) {
          assertEquals(List.of(), lines, "a short run is not logged step by step");
        } else {
          assertEquals(10, lines.size(), lines.toString());
          assertEquals("Linking language versions: 200 of 2000 documents searched", lines.get(0));
          assertEquals("Linking language versions: 2000 of 2000 documents searched", lines.get(9));
        }
      }
    } finally {
      logger.detachAppender(logged);
    }
  }
}
