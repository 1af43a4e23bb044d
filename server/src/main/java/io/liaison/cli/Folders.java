package io.liaison.cli;

import io.liaison.index.IndexLayout;
import java.nio.file.Files;
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

    /**
     * The default index's folder, ready to search: when it has no index yet, an error that names
     * the one command that builds it from the default corpus (or says where to put documents when
     * there is no corpus folder either), rather than the generic {@code --corpus DIR --index DIR}
     * of a folder the user named.
     */
    Path searchable() {
      Path index = path();
      if (dir != null || IndexLayout.exists(index)) {
        return index;
      }
      Path corpus = LiaisonCli.defaultCorpus();
      if (Files.isDirectory(corpus)) {
        throw new IllegalArgumentException("no index at " + index.toAbsolutePath().normalize() + " yet; build it from "
            + corpus.toAbsolutePath().normalize() + " with: liaison index (or run liaison serve, which indexes first)");
      }
      throw new IllegalArgumentException("no index at " + index.toAbsolutePath().normalize() + " and no corpus folder at "
          + corpus.toAbsolutePath().normalize() + "; put your documents there and run: liaison index, or index a folder"
          + " of your own with: liaison index --corpus DIR");
    }
  }

  /**
   * {@code --glossary FILE}, default {@code index-data/glossary.tsv}. The default is optional: a
   * checkout without one searches with the dictionary alone. A file named on the command line must
   * be there, or a mistyped path would quietly search without the user's terms.
   */
  static final class Glossary {
    @Option(names = "--glossary", paramLabel = "FILE",
        description = "Glossary (default: index-data/glossary.tsv, used when it exists).")
    Path file;

    /** The glossary to use, which may be missing only when it is the default. */
    Path path() {
      if (file == null) {
        return LiaisonCli.defaultGlossary();
      }
      if (!Files.exists(file)) {
        throw new IllegalArgumentException("glossary " + file + " does not exist; check the path, or leave out --glossary"
            + " to use " + LiaisonCli.defaultGlossary() + " when there is one");
      }
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("glossary " + file + " is not a file; pass the glossary file itself to --glossary");
      }
      if (!Files.isReadable(file)) {
        throw new IllegalArgumentException("glossary " + file + " is not readable; check its permissions");
      }
      return file;
    }
  }

  /** {@code --verbose}: read by the error handler in {@link LiaisonCli}. */
  static final class Verbose {
    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean on;
  }
}
