package io.liaison.reliability;

import io.liaison.index.IndexProgress;
import io.liaison.index.Indexer;
import java.nio.file.Path;

/**
 * A child-JVM rebuild for {@link CrashSafetyTest}: prints {@code FILE} after every file, then
 * {@code COMMITTING} and {@code DONE}, so the parent can kill it at a point it chose. Each file
 * also takes a millisecond longer (fault injection, not synchronisation): that spreads the run over
 * time so a kill lands where the parent meant it to.
 */
public final class RebuildChild {
  public static void main(String[] args) throws Exception {
    Indexer.Options options = Indexer.Options.of(Path.of(args[0]), Path.of(args[1])).withRebuild(true).withThreads(2);
    new Indexer(options).run(new IndexProgress() {
      @Override
      public void advanced(int done, int total, long bytesRead) {
        System.out.println("FILE " + done);
        System.out.flush();
        try {
          Thread.sleep(1);
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
