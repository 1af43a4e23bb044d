package io.liaison.lexicon;

import io.liaison.analysis.ChineseScript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Words that mainland China and Taiwan write differently for the same thing: 软件 and 軟體 (folded:
 * 软体), 程序 and 程式, 内存 and 記憶體. Folding Traditional characters to Simplified cannot join
 * them, as the words differ, not only the characters; the query translator searches each word's
 * other regional forms beside it.
 *
 * <p>Each direction is searched only in the other region's pages. Taiwan's forms (程式, 軟體, 記憶體)
 * are rare in mainland text but some are the mainland's words for other things (文件, the mainland's
 * file, is Taiwan's document), so a mainland word's Taiwan forms count in Traditional pages only; the
 * mainland forms are often ordinary Taiwan words with another sense (程序 procedure, 文件 document),
 * so a Traditional query's Taiwan word stands for its mainland words ({@link #mainlandForms}) in the
 * other pages only (searched in every page, Traditional queries on Traditional pages lost MRR@10
 * 0.004 to 0.009 on bench/crosslang). The list leaves out a Taiwan form whose usual sense in Taiwan
 * is not the mainland word's (背景, mostly a context, for 后台, a background process), as a
 * Traditional query's 背景 would find mainland pages on 后台; it lists one that is also the
 * mainland's word for something else (建立, the mainland's "establish", for 创建, create), as that
 * counts in Traditional pages only, elsewhere only beside another query word (proximity;
 * LEXICON-SWEEP.md, session 70). A Taiwan form also leads to its mainland words' English: a
 * Traditional query's 預設 is the mainland's 默认, default, which the dictionary, written from
 * mainland usage, gives 默认 and not 预设 (preinstall).
 *
 * <p>The list is a resource written for the project ({@code regional-variants-zh.txt}): one group
 * per line, the mainland form first; every form is folded to Simplified when read. Immutable and
 * thread-safe.
 */
public final class RegionalVariants {
  static final String RESOURCE = "regional-variants-zh.txt";

  private final Map<String, List<String>> variants;
  private final Map<String, List<String>> mainland;

  private RegionalVariants(Map<String, List<String>> variants) {
    this.variants = Map.copyOf(variants);
    Map<String, List<String>> back = new HashMap<>();
    variants.forEach((m, forms) -> forms.forEach(t -> back.computeIfAbsent(t, k -> new ArrayList<>()).add(m)));
    back.replaceAll((t, ms) -> ms.stream().sorted().toList());
    this.mainland = Map.copyOf(back);
  }

  private static final class Holder {
    static final RegionalVariants CHINESE = load();

    private static RegionalVariants load() {
      return parse(BundledList.lines(RESOURCE));
    }
  }

  /** The bundled list. */
  public static RegionalVariants chinese() {
    return Holder.CHINESE;
  }

  /** Reads groups, one per line, words separated by tabs (blank and comment lines already dropped). */
  static RegionalVariants parse(List<String> lines) {
    Map<String, Set<String>> groups = new HashMap<>();
    for (String line : lines) {
      List<String> words = new ArrayList<>();
      for (String w : line.split("\t")) {
        String folded = ChineseScript.toSimplified(w.strip()).toLowerCase(Locale.ROOT);
        if (!folded.isEmpty() && !words.contains(folded)) {
          words.add(folded);
        }
      }
      for (String other : words.subList(Math.min(1, words.size()), words.size())) {
        groups.computeIfAbsent(words.get(0), k -> new LinkedHashSet<>()).add(other);
      }
    }
    Map<String, List<String>> out = new HashMap<>();
    groups.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return new RegionalVariants(out);
  }

  /**
   * The Taiwan forms of a mainland word (Simplified, lower case), folded to Simplified, in the order
   * the list gives them; empty if it has none or is not a mainland form.
   */
  public List<String> taiwanForms(String simplified) {
    return variants.getOrDefault(simplified, List.of());
  }

  /**
   * The mainland words whose Taiwan form {@code taiwan} (Simplified, lower case) is, in code point
   * order; empty if it is none's. 预设 (預設): 缺省, 默认; 程式: 程序.
   */
  public List<String> mainlandForms(String taiwan) {
    return mainland.getOrDefault(taiwan, List.of());
  }

  /** Number of mainland words that have Taiwan forms. */
  public int size() {
    return variants.size();
  }
}
