package io.liaison.index;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/** Facts about an index folder on disk. */
public final class IndexLayout {
  /** Commit user-data key recording whether Traditional was folded to Simplified at index time. */
  public static final String T2S_KEY = "liaison.t2s";
  /** Commit user-data key for the schema version. */
  public static final String FORMAT_KEY = "liaison.format";
  public static final String FORMAT = "1";
  /**
   * Commit user-data key: the number of language-version pairs linked in this commit (written by
   * {@code io.liaison.search.VersionLinker}); absent when the commit was not linked.
   */
  public static final String VERSION_PAIRS_KEY = "liaison.version.pairs";
  /** Commit user-data key: the number of Simplified–Traditional pairs linked in this commit, as above. */
  public static final String SCRIPT_PAIRS_KEY = "liaison.version.script-pairs";

  private IndexLayout() {}

  /** True when the folder holds a committed Lucene index. */
  public static boolean exists(Path indexDir) {
    if (!Files.isDirectory(indexDir)) {
      return false;
    }
    try (FSDirectory dir = FSDirectory.open(indexDir)) {
      return DirectoryReader.indexExists(dir);
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
