package io.liaison.lexicon;
import java.util.List;
/** STUB */
public final class Lexicon {
  public static Lexicon defaultLexicon() { return new Lexicon(); }
  public List<Translation> toChinese(String english) { return List.of(); }
  public List<Translation> toEnglish(String chinese) { return List.of(); }
  public int longestEnglishPhrase() { return 4; }
  public int longestChineseEntry() { return 8; }
}
