package io.liaison.index;

import java.nio.file.Path;

/**
 * A child-JVM indexer for the crash test: prints {@code WRITING} once documents are being added,
 * then slows down so the parent's SIGKILL lands mid-run.
 */
public final class IndexerChild {
  public static void main(String[] args) throws Exception {
    Indexer.Options options = Indexer.Options.of(Path.of(args[0]), Path.of(args[1])).withRebuild(true).withThreads(2);
    new Indexer(options).run(new IndexProgress() {
      @Override
      public void advanced(int done, int total, long bytesRead) {
        if (done == 20) {
          System.out.println("WRITING");
          System.out.flush();
        }
        if (done >= 20) {
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
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
