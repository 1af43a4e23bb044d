package io.liaison;

import io.liaison.analysis.HanSegmentationFilter;
import io.liaison.lexicon.Lexicon;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Loads the two bundled dictionaries once per JVM, each on a daemon thread of its own: the
 * bilingual lexicon ({@link Lexicon#defaultLexicon()}, about 0.3 s of CPU) and SmartCN's word and
 * bigram dictionaries ({@link HanSegmentationFilter#loadDictionaries()}, about 0.4 s).
 *
 * <p>Why a class of its own: a server's first translated answer waits for both, and at start-up
 * they were the longest path. Loaded one after the other, on a thread that {@link Liaison#open}
 * started only after the command line had been parsed and logging set up, they finished about 0.6
 * s after everything else was ready. Started from {@code main} ({@link Liaison#preloadDictionaries()})
 * and side by side, they load while the rest starts.
 */
final class BundledDictionaries {
  private static final CompletableFuture<Lexicon> LEXICON = new CompletableFuture<>();
  private static boolean started;

  private BundledDictionaries() {}

  /** Starts both loads unless they have started; returns at once. */
  static synchronized void start() {
    if (started) {
      return;
    }
    started = true;
    Thread.ofPlatform().daemon().name("liaison-lexicon").start(() -> {
      try {
        LEXICON.complete(Lexicon.defaultLexicon());
      } catch (Throwable e) {
        LEXICON.completeExceptionally(e);
      }
    });
    // No future for this one: the first analysis of Han text waits for SmartCN's class
    // initialisation, which is this load, and sees its failure as that class's.
    Thread.ofPlatform().daemon().name("liaison-smartcn").start(HanSegmentationFilter::loadDictionaries);
  }

  /** The bundled lexicon, waiting for its load (started here if need be). */
  static Lexicon lexicon() {
    start();
    return join(LEXICON);
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      // The loader's own exception (UncheckedIOException for a missing resource), not a wrapper.
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
