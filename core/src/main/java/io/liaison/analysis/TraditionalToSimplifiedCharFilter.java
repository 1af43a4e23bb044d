package io.liaison.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Replaces Traditional Han characters by their Simplified forms (see {@link ChineseScript}).
 *
 * <p>Every replacement is one UTF-16 unit for one, so offsets need no correction: a token's
 * offsets point at the same characters in the original text.
 */
public final class TraditionalToSimplifiedCharFilter extends CharFilter {

  /** Folds the characters read from {@code in}. */
  public TraditionalToSimplifiedCharFilter(Reader in) {
    super(in);
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    int n = input.read(cbuf, off, len);
    for (int i = off, end = off + n; i < end; i++) {
      cbuf[i] = ChineseScript.simplify(cbuf[i]);
    }
    return n;
  }

  @Override
  public int read() throws IOException {
    int c = input.read();
    return c < 0 ? c : ChineseScript.simplify((char) c);
  }

  @Override
  protected int correct(int currentOff) {
    return currentOff;
  }
}
