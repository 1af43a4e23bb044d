package io.liaison.analysis;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.VersionInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes the bundled Traditional-to-Simplified table from ICU4J's transform.
 *
 * <p>Building the table at run time costs about a second (ICU's transliterator data plus one
 * transform per code point), so it is generated here once and checked in as a resource; {@code
 * TestChineseScript} fails when the bundled table and ICU4J disagree. To regenerate after an ICU4J
 * upgrade:
 *
 * <pre>
 * mvn -B -q -pl core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.liaison.analysis.TraditionalToSimplifiedTableGenerator \
 *     -Dexec.args=core/src/main/resources/io/liaison/analysis/traditional-to-simplified.txt
 * </pre>
 */
public final class TraditionalToSimplifiedTableGenerator {

  static final String TRANSFORM_ID = "Traditional-Simplified";

  private static final int[][] RANGES = {
    {0x3400, 0x4DBF}, // CJK Unified Ideographs Extension A
    {0x4E00, 0x9FFF}, // CJK Unified Ideographs
    {0xF900, 0xFAFF}, // CJK Compatibility Ideographs
  };

  private TraditionalToSimplifiedTableGenerator() {}

  /** The table as code point pairs, sorted by the Traditional code point. */
  static Map<Integer, Integer> mappings() {
    Transliterator transform = Transliterator.getInstance(TRANSFORM_ID);
    Map<Integer, Integer> map = new TreeMap<>();
    for (int[] range : RANGES) {
      for (int cp = range[0]; cp <= range[1]; cp++) {
        String in = Character.toString(cp);
        String out = transform.transliterate(in);
        // 1:1 and same UTF-16 length, so a CharFilter can replace in place with exact offsets.
        if (!out.equals(in)
            && out.length() == in.length()
            && out.codePointCount(0, out.length()) == 1) {
          map.put(cp, out.codePointAt(0));
        }
      }
    }
    // ICU maps a few characters in circles (苎->苧->苎); a circle has no Simplified end, so its
    // characters are left alone. Then chains are followed to their end so one pass is idempotent.
    Set<Integer> onCycle = new HashSet<>();
    for (int start : map.keySet()) {
      Set<Integer> seen = new HashSet<>();
      int cp = start;
      while (map.containsKey(cp) && seen.add(cp)) {
        cp = map.get(cp);
      }
      if (cp == start) {
        onCycle.add(start);
      }
    }
    map.keySet().removeAll(onCycle);
    Map<Integer, Integer> closed = new TreeMap<>();
    for (Map.Entry<Integer, Integer> e : map.entrySet()) {
      int cp = e.getValue();
      while (map.containsKey(cp)) {
        cp = map.get(cp);
      }
      closed.put(e.getKey(), cp);
    }
    return closed;
  }

  /** The resource text: a comment header, then one line per pair, Traditional then Simplified. */
  static String render(Map<Integer, Integer> mappings) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Traditional -> Simplified Han characters, one code point to one");
    sb.append(" of the same UTF-16 length.\n");
    sb.append("# Generated from ICU4J ")
        .append(VersionInfo.ICU_VERSION)
        .append(" transform \"")
        .append(TRANSFORM_ID)
        .append("\"\n# by TraditionalToSimplifiedTableGenerator; do not edit.\n");
    for (Map.Entry<Integer, Integer> e : mappings.entrySet()) {
      sb.appendCodePoint(e.getKey()).appendCodePoint(e.getValue()).append('\n');
    }
    return sb.toString();
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: TraditionalToSimplifiedTableGenerator <output file>");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    Map<Integer, Integer> mappings = mappings();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    Files.writeString(Path.of(args[0]), render(mappings), StandardCharsets.UTF_8);
    System.out.println(mappings.size() + " mappings from ICU4J in " + ms + " ms -> " + args[0]);
  }
}
