package io.liaison.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a word list bundled beside this class: its lines, without blank lines and {@code #} comments. */
final class BundledList {
  private BundledList() {}

  /** The content lines of {@code io/liaison/lexicon/NAME}, unstripped; fails with what to do when it is missing. */
  static List<String> lines(String name) {
    try (InputStream in = BundledList.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource io/liaison/lexicon/" + name + " is missing; rebuild liaison-core");
      }
      List<String> lines = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("#")) {
          lines.add(line);
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read io/liaison/lexicon/" + name, e);
    }
  }
}
