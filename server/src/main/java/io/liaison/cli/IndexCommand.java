package io.liaison.cli;

import io.liaison.index.IndexSummary;
import io.liaison.index.Indexer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code liaison index}: builds or refreshes the index of a corpus folder. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = "Build or refresh the index from a corpus folder (.txt, .md, .html, recursively).")
final class IndexCommand implements Callable<Integer> {
  @Option(names = "--corpus", paramLabel = "DIR", description = "Corpus folder (default: index-data/corpus).")
  Path corpus;

  @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: index-data/index).")
  Path index;

  @Option(names = "--rebuild", description = "Re-read every file instead of only new and changed ones.")
  boolean rebuild;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
  Integer threads;

  @Option(names = "--max-file-mb", paramLabel = "MB", defaultValue = "50", description = "Skip files larger than this (default: ${DEFAULT-VALUE}).")
  long maxFileMb;

  @Option(names = "--no-t2s", description = "Do not fold Traditional to Simplified (for ablation benchmarks only).")
  boolean noT2s;

  @Option(names = "--strict", description = "Exit with status 3 when any file was skipped.")
  boolean strict;

  @Option(names = "--verbose", description = "Print stack traces on errors.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path c = corpus != null ? corpus : LiaisonCli.defaultCorpus();
    Path i = index != null ? index : LiaisonCli.defaultIndex();
    Indexer.Options o = new Indexer.Options(c, i, rebuild,
        threads != null ? threads : Runtime.getRuntime().availableProcessors(),
        maxFileMb * 1024 * 1024, !noT2s);
    IndexSummary s = new Indexer(o).run();
    var out = spec.commandLine().getOut();
    out.println("Indexed " + c + " into " + i);
    out.println(s.describe());
    for (IndexSummary.Skipped k : s.skipped()) {
      out.println("  skipped " + k.path() + ": " + k.reason());
    }
    out.flush();
    return strict && !s.skipped().isEmpty() ? 3 : 0;
  }
}
