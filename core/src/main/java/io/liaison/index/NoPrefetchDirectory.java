package io.liaison.index;

import java.io.IOException;
import java.util.Optional;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.FilterIndexInput;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.RandomAccessInput;

/**
 * A directory whose inputs ignore {@code prefetch}: the way searches read an index that the page
 * cache already holds.
 *
 * <p>With native access, Lucene 10.3's memory-mapped inputs answer every {@link
 * IndexInput#prefetch} by asking the kernel ({@code mincore}) whether the pages are resident, and
 * {@code madvise} them if not. Lucene calls prefetch before it reads each terms block and postings
 * list, and every term lookup reads through a fresh clone, whose "resident last time, skip the
 * check" counter starts again at zero (apache/lucene#15571; fixed upstream by #15585, not in
 * 10.3.2). On a warm index that system call is pure cost: 13 % of a translated search's CPU, 7 %
 * of a monolingual one (bench/perf/RESULTS.md). Only a cold index on a slow disk loses the
 * read-ahead hint.
 *
 * <p>Dropping prefetch here, rather than refusing Lucene native access ({@code
 * --illegal-native-access=deny}), lets the launcher run the JVM with the flags under which the
 * JDK's ahead-of-time cache keeps the module graph and its lambdas: a quarter off the time a server
 * takes to start.
 *
 * <p>Every read goes straight to the wrapped input, including the bulk and variable-length reads
 * that {@link FilterIndexInput} would otherwise rebuild from single bytes; clones and slices stay
 * wrapped, and random-access slices are the wrapped input's own, less their prefetch.
 */
public final class NoPrefetchDirectory extends FilterDirectory {
  public NoPrefetchDirectory(Directory in) {
    super(in);
  }

  @Override
  public IndexInput openInput(String name, IOContext context) throws IOException {
    return new Input(in.openInput(name, context));
  }

  @Override
  public String toString() {
    return "NoPrefetchDirectory(" + in + ")";
  }

  /** An input that reads through to its delegate and ignores prefetch. */
  private static final class Input extends FilterIndexInput {
    Input(IndexInput in) {
      super("NoPrefetch(" + in + ")", in);
    }

    @Override
    public void prefetch(long offset, long length) {
      // Deliberately nothing: see the class comment.
    }

    @Override
    public Input clone() {
      return new Input(in.clone());
    }

    @Override
    public IndexInput slice(String sliceDescription, long offset, long length) throws IOException {
      return new Input(in.slice(sliceDescription, offset, length));
    }

    @Override
    public IndexInput slice(String sliceDescription, long offset, long length, IOContext context)
        throws IOException {
      return new Input(in.slice(sliceDescription, offset, length, context));
    }

    @Override
    public RandomAccessInput randomAccessSlice(long offset, long length) throws IOException {
      return new RandomAccess(in.randomAccessSlice(offset, length));
    }

    @Override
    public void updateIOContext(IOContext context) throws IOException {
      in.updateIOContext(context);
    }

    @Override
    public Optional<Boolean> isLoaded() {
      return in.isLoaded();
    }

    @Override
    public void skipBytes(long numBytes) throws IOException {
      in.skipBytes(numBytes);
    }

    @Override
    public void readBytes(byte[] b, int offset, int len, boolean useBuffer) throws IOException {
      in.readBytes(b, offset, len, useBuffer);
    }

    @Override
    public short readShort() throws IOException {
      return in.readShort();
    }

    @Override
    public int readInt() throws IOException {
      return in.readInt();
    }

    @Override
    public long readLong() throws IOException {
      return in.readLong();
    }

    @Override
    public int readVInt() throws IOException {
      return in.readVInt();
    }

    @Override
    public long readVLong() throws IOException {
      return in.readVLong();
    }

    @Override
    public void readGroupVInt(int[] dst, int offset) throws IOException {
      in.readGroupVInt(dst, offset);
    }

    @Override
    public void readInts(int[] dst, int offset, int length) throws IOException {
      in.readInts(dst, offset, length);
    }

    @Override
    public void readLongs(long[] dst, int offset, int length) throws IOException {
      in.readLongs(dst, offset, length);
    }

    @Override
    public void readFloats(float[] dst, int offset, int length) throws IOException {
      in.readFloats(dst, offset, length);
    }
  }

  /** A random-access slice that reads through to its delegate and ignores prefetch. */
  private record RandomAccess(RandomAccessInput in) implements RandomAccessInput {
    @Override
    public long length() {
      return in.length();
    }

    @Override
    public byte readByte(long pos) throws IOException {
      return in.readByte(pos);
    }

    @Override
    public void readBytes(long pos, byte[] bytes, int offset, int length) throws IOException {
      in.readBytes(pos, bytes, offset, length);
    }

    @Override
    public short readShort(long pos) throws IOException {
      return in.readShort(pos);
    }

    @Override
    public int readInt(long pos) throws IOException {
      return in.readInt(pos);
    }

    @Override
    public long readLong(long pos) throws IOException {
      return in.readLong(pos);
    }

    @Override
    public void prefetch(long offset, long length) {
      // Deliberately nothing: see the class comment.
    }

    @Override
    public Optional<Boolean> isLoaded() {
      return in.isLoaded();
    }
  }
}
