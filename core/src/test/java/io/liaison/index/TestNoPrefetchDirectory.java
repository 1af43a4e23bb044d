package io.liaison.index;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.tests.store.BaseDirectoryTestCase;

/**
 * Lucene's own conformance suite for directories (every data type, clones, slices of slices,
 * random-access slices, end-of-file and close checks), run against the prefetch-free wrapper over
 * the memory-mapped directory searches use.
 */
public class TestNoPrefetchDirectory extends BaseDirectoryTestCase {
  @Override
  protected Directory getDirectory(Path path) throws IOException {
    return new NoPrefetchDirectory(new MMapDirectory(path));
  }
}
