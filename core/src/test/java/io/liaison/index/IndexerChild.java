package io.liaison.index;

import java.nio.file.Path;

/**
 * A rebuild in a child JVM, for the crash tests: {@code IndexerChild CORPUS INDEX DELAY_MS}. It
 * prints {@code FILE n} after every file, then {@code COMMITTING} and {@code DONE}, so the parent
 * can kill it at a point it chose. Each file also takes {@code DELAY_MS} longer (fault injection,
 * not synchronisation): that spreads the run over time so a kill lands where the parent meant it.
 */
public final class IndexerChild {
  public static void main(String[] args) throws Exception {
    long delay = Long.parseLong(args[2]);
    Indexer.Options options = Indexer.Options.of(Path.of(args[0]), Path.of(args[1])).withRebuild(true).withThreads(2);
    new Indexer(options).run(new IndexProgress() {
      @Override
      public void advanced(int done, int total, long bytesRead) {
        System.out.println("FILE " + done);
        System.out.flush();
        try {
          Thread.sleep(delay);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      @Override
      public void committing() {
        System.out.println("COMMITTING");
        System.out.flush();
      }
    });
    System.out.println("DONE");
  }
}
