package io.liaison.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options naming the folders and files a command works on, each with its default under the checkout. */
final class Folders {
  private Folders() {}

  /** {@code --corpus DIR}, default {@code index-data/corpus}. */
  static final class Corpus {
    @Option(names = "--corpus", paramLabel = "DIR", description = "Corpus folder (default: index-data/corpus).")
    Path dir;

    Path path() {
      return dir != null ? dir : LiaisonCli.defaultCorpus();
    }
  }

  /** {@code --index DIR}, default {@code index-data/index}. */
  static final class Index {
    @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: index-data/index).")
    Path dir;

    Path path() {
      return dir != null ? dir : LiaisonCli.defaultIndex();
    }
  }

  /** {@code --glossary FILE}, default {@code index-data/glossary.tsv}. */
  static final class Glossary {
    @Option(names = "--glossary", paramLabel = "FILE", description = "Glossary (default: index-data/glossary.tsv).")
    Path file;

    Path path() {
      return file != null ? file : LiaisonCli.defaultGlossary();
    }
  }

  /** {@code --verbose}: read by the error handler in {@link LiaisonCli}. */
  static final class Verbose {
    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean on;
  }
}
