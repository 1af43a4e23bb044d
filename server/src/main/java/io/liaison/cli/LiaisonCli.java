package io.liaison.cli;

import io.liaison.Liaison;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code liaison} command: index, search, serve, eval. {@code main} only parses and exits. */
@Command(
    name = "liaison",
    mixinStandardHelpOptions = true,
    version = LiaisonCli.VERSION,
    description = "Bilingual Chinese/English full-text search.",
    subcommands = {IndexCommand.class, SearchCommand.class, ServeCommand.class, EvalCommand.class})
public final class LiaisonCli implements Runnable {
  static final String VERSION = "liaison 0.1.0";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The folder defaults are relative to: the checkout the launcher runs from, else the working folder. */
  static Path home() {
    return Path.of(System.getProperty("liaison.home", "."));
  }

  static Path defaultCorpus() {
    return home().resolve("index-data/corpus");
  }

  static Path defaultIndex() {
    return home().resolve("index-data/index");
  }

  static Path defaultGlossary() {
    return home().resolve("index-data/glossary.tsv");
  }

  /** The commands that search an index, and so need the bundled dictionaries. */
  private static final Set<String> SEARCHING_COMMANDS = Set.of("serve", "search");

  /** Held so the level sticks: java.util.logging keeps loggers only weakly. */
  private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

  public static void main(String[] args) {
    // Lucene reports its vectorisation choice through java.util.logging; users need not see it.
    LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
    if (args.length > 0 && SEARCHING_COMMANDS.contains(args[0])) {
      // Before the command line is parsed and logging set up: the dictionaries are the longest
      // part of a server's start, and they need nothing from either.
      Liaison.preloadDictionaries();
    }
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, also used by tests. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new LiaisonCli());
    // Every subcommand's --help lists -V/--version (mixinStandardHelpOptions); without a version
    // of its own it would print nothing.
    cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().version(VERSION));
    cli.setParameterExceptionHandler((ex, a) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("liaison: " + ex.getMessage() + " (see '" + ex.getCommandLine().getCommandName() + " --help')");
      return 2;
    });
    cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      PrintWriter err = cmd.getErr();
      boolean verbose = parsed.hasMatchedOption("--verbose")
          || (parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--verbose"));
      String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
      if (ex instanceof io.liaison.query.QuerySyntaxException q && q.position() >= 0) {
        message = "malformed query at position " + q.position() + ": " + message;
      }
      err.println("liaison: " + message.lines().findFirst().orElse(message));
      if (verbose) {
        ex.printStackTrace(err);
      } else if (!(ex instanceof IllegalArgumentException || ex instanceof java.io.IOException)) {
        err.println("liaison: (run again with --verbose for details)");
      }
      return 1;
    });
    return cli;
  }
}
