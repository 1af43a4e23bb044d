package io.liaison.cli;

import io.liaison.Liaison;
import io.liaison.backend.OpenSearchIndexer;
import io.liaison.index.IndexLayout;
import io.liaison.index.IndexProgress;
import io.liaison.index.IndexSummary;
import io.liaison.index.Indexer;
import io.liaison.search.VersionLinker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code liaison index}: builds or refreshes the index of a corpus folder. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = "Build or refresh the index from a corpus folder, recursively: "
        + ".txt .md .html .htm .xhtml .pdf .docx .odt .rtf .eml "
        + "(UTF-8/16, GB18030/GBK, Big5, windows-1252/Latin-1).")
final class IndexCommand implements Callable<Integer> {
  @CommandLine.Mixin Folders.Corpus corpus;

  @CommandLine.Mixin Folders.Index index;

  @Option(names = "--rebuild", description = "Re-read every file instead of only new and changed ones.")
  boolean rebuild;

  @Option(names = "--no-versions",
      description = "Do not link each document to its version in the other language (one search per new or changed "
          + "document); searches then show no versions. The next run without it links them, and so does serve, in the background.")
  boolean noVersions;

  @Option(names = "--allow-empty",
      description = "Let a corpus folder with no file to index empty an index that holds documents"
          + " (without it such a run stops and changes nothing: the folder is more likely wrong or not mounted).")
  boolean allowEmpty;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
  Integer threads;

  @Option(names = "--max-file-mb", paramLabel = "MB", defaultValue = "50", description = "Skip files larger than this (default: ${DEFAULT-VALUE}).")
  long maxFileMb;

  @Option(names = "--file-timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Skip a file whose extraction takes longer than this (default: ${DEFAULT-VALUE}).")
  long fileTimeoutSeconds;

  @Option(names = "--no-t2s", description = "Do not fold Traditional to Simplified (for ablation benchmarks only).")
  boolean noT2s;

  @Option(names = "--strict", description = "Exit with status 3 when any file was skipped.")
  boolean strict;

  @CommandLine.Mixin Folders.Verbose verbose;

  @CommandLine.Mixin ClusterOptions cluster;

  @Option(names = "--shards", paramLabel = "N", defaultValue = "1",
      description = "Primary shards of a new index on the cluster (default: ${DEFAULT-VALUE}).")
  int shards;

  @Option(names = "--replicas", paramLabel = "N", defaultValue = "1",
      description = "Replicas of each shard of a new index on the cluster (default: ${DEFAULT-VALUE}).")
  int replicas;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path c = corpus.path();
    Path i = index.path();
    if (maxFileMb < 1 || fileTimeoutSeconds < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--max-file-mb and --file-timeout must be at least 1");
    }
    Indexer.Options o = Indexer.Options.of(c, i)
        .withRebuild(rebuild)
        .withThreads(threads != null ? threads : Runtime.getRuntime().availableProcessors())
        .withMaxFileBytes(maxFileMb * 1024 * 1024)
        .withFileTimeout(Duration.ofSeconds(fileTimeoutSeconds))
        .withTraditionalToSimplified(!noT2s)
        .withAllowEmpty(allowEmpty);
    PrintWriter out = spec.commandLine().getOut();
    IndexSummary s;
    if (cluster.cluster().isPresent()) {
      s = Liaison.indexOpenSearch(new OpenSearchIndexer.Options(c, shards, replicas, rebuild).withAllowEmpty(allowEmpty), cluster.url, cluster.indexName,
          new ProgressPrinter(out, System.console() != null));
      out.println("Indexed " + c + " into " + cluster.url + " index " + cluster.indexName);
    } else {
      s = new Indexer(o).run(new ProgressPrinter(out, System.console() != null));
      out.println("Indexed " + c + " into " + i);
    }
    out.println(s.describe());
    if (cluster.cluster().isEmpty() && !noVersions) {
      out.println("linking language versions ...");
      out.flush();
      ProgressPrinter linking = new ProgressPrinter(out, System.console() != null);
      VersionLinker.Summary linked = Liaison.linkVersions(i, linking);
      linking.endLine();
      out.println(linked.describe());
    }
    if (!s.unsupportedTypes().isEmpty()) {
      out.println("  to index those, save them as one of the types 'liaison index --help' lists (a Word 97 .doc as .docx)");
    }
    for (IndexSummary.Skipped k : s.skipped()) {
      out.println("  skipped " + k.path() + ": " + k.reason());
    }
    out.flush();
    return strict && !s.skipped().isEmpty() ? 3 : 0;
  }

  /**
   * Shows progress: a bar redrawn in place with files/s and ETA on a terminal, a plain line every
   * five seconds when the output is a log or a pipe.
   */
  static final class ProgressPrinter implements IndexProgress, VersionLinker.Progress {
    private static final long TERMINAL_EVERY_NANOS = 200_000_000L;
    private static final long LOG_EVERY_NANOS = 5_000_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private long start;
    private long last;
    private boolean drewBar;
    private VersionLinker.Kind linking;
    private int linked;

    ProgressPrinter(PrintWriter out, boolean terminal) {
      this.out = out;
      this.terminal = terminal;
    }

    @Override
    public synchronized void upgrading(String from) {
      out.println("indexing: the index was written by an older Liaison (format " + from
          + "); every file is read again for format " + IndexLayout.FORMAT + ", and the old index stays searchable until then");
      out.flush();
    }

    @Override
    public synchronized void started(int files) {
      start = System.nanoTime();
      last = start;
      if (!terminal) {
        out.println("indexing: " + files + " files to look at");
        out.flush();
      }
    }

    @Override
    public synchronized void advanced(int done, int total, long bytesRead) {
      long now = System.nanoTime();
      if (tooSoon(now, done, total)) {
        return;
      }
      last = now;
      double rate = rate(now, done);
      String eta = eta(rate, done, total);
      draw(String.format(Locale.ROOT, "%s %d/%d files, %.0f files/s, ETA %s ", bar(done, total), done, total, rate, eta),
          String.format(Locale.ROOT, "indexing: %d/%d files, %.1f MB read, %.0f files/s, ETA %s",
              done, total, bytesRead / 1048576.0, rate, eta));
    }

    @Override
    public synchronized void committing() {
      endLine();
      out.println("indexing: committing");
      out.flush();
    }

    /**
     * Linking's progress, as indexing's: how many documents have been searched for their version
     * of {@code kind}, at what rate, and how long the rest should take.
     */
    @Override
    public synchronized void searched(VersionLinker.Kind kind, int done, int total) {
      long now = System.nanoTime();
      if (kind != linking) {
        endLine();
        linking = kind;
        linked = 0;
        start = now;
        last = now;
      }
      // Threads report out of order: never show fewer than already shown.
      if (done <= linked || tooSoon(now, done, total)) {
        return;
      }
      last = now;
      linked = done;
      double rate = rate(now, done);
      String eta = eta(rate, done, total);
      String what = kind == VersionLinker.Kind.LANGUAGE ? "language versions" : "Simplified–Traditional versions";
      draw(String.format(Locale.ROOT, "%s %d/%d documents searched for their %s, %.0f/s, ETA %s ",
              bar(done, total), done, total, what, rate, eta),
          String.format(Locale.ROOT, "linking: %d/%d documents searched for their %s, %.0f/s, ETA %s",
              done, total, what, rate, eta));
    }

    /** True while the last line is too recent to draw another, unless this one ends the work. */
    private boolean tooSoon(long now, int done, int total) {
      return now - last < (terminal ? TERMINAL_EVERY_NANOS : LOG_EVERY_NANOS) && done < total;
    }

    /** Done per second since the start. */
    private double rate(long now, int done) {
      return done / Math.max(1e-3, (now - start) / 1e9);
    }

    private static String eta(double rate, int done, int total) {
      return rate > 0 ? formatSeconds(Math.max(0, total - done) / rate) : "?";
    }

    private static String bar(int done, int total) {
      int filled = total == 0 ? BAR_WIDTH : (int) Math.min(BAR_WIDTH, (long) BAR_WIDTH * done / total);
      return "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "]";
    }

    /** The bar line, redrawn in place, on a terminal; the log line otherwise. */
    private void draw(String barLine, String logLine) {
      if (terminal) {
        out.print("\r" + barLine);
        drewBar = true;
      } else {
        out.println(logLine);
      }
      out.flush();
    }

    /** Ends the progress bar's line, if one was drawn, so that what follows starts on its own. */
    synchronized void endLine() {
      if (drewBar) {
        out.println();
        drewBar = false;
      }
    }

    private static String formatSeconds(double s) {
      long r = Math.round(s);
      return r >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", r / 3600, r % 3600 / 60)
          : String.format(Locale.ROOT, "%dm%02ds", r / 60, r % 60);
    }
  }
}
