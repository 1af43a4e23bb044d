package io.liaison.lexicon;

import io.liaison.analysis.ChineseScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The name at the end of a run of Han characters, as {@link AliasMiner} finds it before a bracket
 * or a slash: the run is cut into SmartCN's words, and everything up to the last word that ends a
 * phrase goes. Such a word is made only of particles ({@code 的}, {@code 于}, {@code 由}, {@code
 * 及其} ...: {@code 成立于1993年的中国经济联络中心} gives {@code 中国经济联络中心}) or is one of a few other
 * words that lead into a name ({@code 隶属中共中央对外联络部} gives {@code 中共中央对外联络部}).
 *
 * <p>Why words and not characters: a particle character is also part of many names. Cut at any
 * {@code 对}, {@code 中共中央对外联络部（中联部）} became {@code 外联络部} and its short form was lost, as
 * was every {@code 对外} (external) organisation's; SmartCN keeps {@code 对外} and {@code 以色列}
 * whole. A Traditional run is cut as its Simplified form (same length), so {@code 與} cuts as
 * {@code 与} does. At most {@value #MAX_HAN_NAME} characters are kept, the last ones. Thread-safe.
 */
final class HanNameTrimmer {
  static final int MAX_HAN_NAME = 16;
  /** Characters that end a phrase rather than start a name. */
  private static final String PARTICLES = "的是在由与和于了将为对向从以即称叫及或把被等之所其该";
  /**
   * Other words that lead into a name and are not part of one: verbs of naming and belonging, and
   * prepositions, conjunctions and determiners that SmartCN keeps as one word though not all their
   * characters are particles (基于, based on; 或者, or; 其他, other). Not verbs that also make
   * nouns (访问, visit, is also 文件访问, file access).
   */
  private static final Set<String> LEAD_WORDS = Set.of(
      "隶属", "称为", "名为", "叫做", "简称", "全称", "位于",
      "基于", "用于", "关于", "除了", "根据", "按照", "通过", "作为", "包括", "或者", "还有", "其他", "其它",
      "所有", "这些", "那些", "一些", "各种", "这个", "那个", "每个");

  private static final Analyzer WORDS = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer words = new HMMChineseTokenizer();
      return new TokenStreamComponents(words);
    }
  };

  private HanNameTrimmer() {}

  /** The name that ends {@code run}, a run of Han characters; the whole run when nothing leads into it. */
  static String trim(String run) {
    int from = 0;
    try (TokenStream ts = WORDS.tokenStream("", ChineseScript.toSimplified(run))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (offset.endOffset() < run.length() && leads(term)) {
          from = offset.endOffset();
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a string reader does not fail
    }
    String name = run.substring(from);
    return name.length() > MAX_HAN_NAME ? name.substring(name.length() - MAX_HAN_NAME) : name;
  }

  private static boolean leads(CharSequence word) {
    if (LEAD_WORDS.contains(word.toString())) {
      return true;
    }
    for (int i = 0; i < word.length(); i++) {
      if (PARTICLES.indexOf(word.charAt(i)) < 0) {
        return false;
      }
    }
    return word.length() > 0;
  }
}
