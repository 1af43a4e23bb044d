package io.liaison.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;

/** Facts about an index folder on disk. */
public final class IndexLayout {
  /** Commit user-data key recording whether Traditional was folded to Simplified at index time. */
  public static final String T2S_KEY = "liaison.t2s";
  /** Commit user-data key for the schema version. */
  public static final String FORMAT_KEY = "liaison.format";
  /**
   * The schema this version writes. 2 added {@link Fields#HAN_BIGRAMS}; 3 indexes that field
   * without positions (Lucene keeps one set of index options per field, so a format 2 index cannot
   * take format 3 documents); 4 added {@link Fields#RENDERED}; 5 keeps each segment's documents
   * in {@link Fields#indexSort}'s order (a writer cannot sort an index written unsorted). An index
   * of an older format is read again in full by the next indexing run ({@link #olderFormat}).
   */
  public static final String FORMAT = "5";
  /**
   * Commit user-data key: the number of language-version pairs linked in this commit (written by
   * {@code io.liaison.search.VersionLinker}); absent when the commit was not linked.
   */
  public static final String VERSION_PAIRS_KEY = "liaison.version.pairs";
  /** Commit user-data key: the number of Simplified–Traditional pairs linked in this commit, as above. */
  public static final String SCRIPT_PAIRS_KEY = "liaison.version.script-pairs";
  /**
   * Commit user-data key: the rules the version links in the index were made by ({@code
   * io.liaison.search.VersionLinker}); absent for links made before the rules were numbered.
   * Indexing runs keep it, as they keep the links.
   */
  public static final String LINK_RULES_KEY = "liaison.version.rules";

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

  /**
   * The schema version of the folder's last commit; empty when there is no index. An index that
   * records none predates the key and counts as format 1.
   */
  public static Optional<String> format(Path indexDir) throws IOException {
    if (!exists(indexDir)) {
      return Optional.empty();
    }
    try (FSDirectory dir = FSDirectory.open(indexDir)) {
      return Optional.of(SegmentInfos.readLatestCommit(dir).getUserData().getOrDefault(FORMAT_KEY, "1"));
    }
  }

  /**
   * The format of the folder's index when it is older than {@link #FORMAT}; empty when there is no
   * index or it is current.
   *
   * @throws IOException when the index records a format this version does not know or a newer one
   */
  public static Optional<String> olderFormat(Path indexDir) throws IOException {
    Optional<String> f = format(indexDir);
    if (f.isEmpty()) {
      return f;
    }
    int have;
    try {
      have = Integer.parseInt(f.get());
    } catch (NumberFormatException e) {
      throw new IOException("the index at " + indexDir + " records format '" + f.get()
          + "', which this Liaison does not know; rebuild it with 'liaison index --rebuild'");
    }
    if (have > Integer.parseInt(FORMAT)) {
      throw new IOException("the index at " + indexDir + " was written by a newer Liaison (format " + have
          + ", this one writes " + FORMAT + "); use that version, or rebuild it with 'liaison index --rebuild'");
    }
    return have < Integer.parseInt(FORMAT) ? f : Optional.empty();
  }
}
