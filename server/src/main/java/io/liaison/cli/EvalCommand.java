package io.liaison.cli;

import io.liaison.eval.Metrics;
import io.liaison.eval.Qrels;
import io.liaison.eval.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code liaison eval}: scores a TREC run against TREC qrels. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Score a TREC run against qrels: MRR@10, nDCG@10, Recall@100, Success@10 (trec_eval definitions).")
final class EvalCommand implements Callable<Integer> {
  @Option(names = "--qrels", required = true, paramLabel = "FILE", description = "TREC qrels: qid 0 docid relevance.")
  Path qrels;

  @Option(names = "--run", required = true, paramLabel = "FILE", description = "TREC run: qid Q0 docid rank score tag.")
  Path run;

  @CommandLine.Mixin Folders.Verbose verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    for (Path p : new Path[] {qrels, run}) {
      if (!Files.isReadable(p)) {
        throw new IllegalArgumentException("cannot read " + p + "; check the path");
      }
    }
    var out = spec.commandLine().getOut();
    Metrics.evaluate(Qrels.read(qrels), Run.read(run))
        .forEach((k, v) -> out.println(k + " " + String.format(Locale.ROOT, "%.4f", v)));
    out.flush();
    return 0;
  }
}
