package io.liaison.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.ingest.Language;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentRendererTest {
  static final Lexicon lexicon = Lexicon.defaultLexicon();
  static final DocumentRenderer renderer = new DocumentRenderer(lexicon);

  static List<String> words(String text) {
    return words(text, Language.detect(text));
  }

  static List<String> words(String text, Language language) {
    String r = renderer.render(text, language);
    return r.isEmpty() ? List.of() : List.of(r.split(" "));
  }

  /** The first {@code n} translations of {@code chinese} that hold no Han character. */
  static List<String> english(String chinese, int n) {
    return lexicon.toEnglish(chinese).stream().map(Translation::text)
        .filter(t -> t.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
        .limit(n).toList();
  }

  @Test
  void englishWordsBecomeTheirFirstChineseTranslations() {
    List<String> firstOfReturns = lexicon.toChinese("returns").stream().map(Translation::text).limit(3).toList();
    assertEquals(3, firstOfReturns.size());
    assertEquals(firstOfReturns, words("Returns"), "case and inflection resolved, three kept");
  }

  @Test
  void theLongestEntryWinsOverItsWordsButNeverAcrossPunctuation() {
    String call = lexicon.toChinese("system call").get(0).text();
    List<String> phrase = words("the system call");
    assertEquals(call, phrase.get(0));
    List<String> system = lexicon.toChinese("system").stream().map(Translation::text).limit(3).toList();
    assertFalse(phrase.stream().anyMatch(w -> system.contains(w) && !w.equals(call)), phrase + " holds a word's own translation");
    // A comma ends the run: two words, each rendered alone.
    List<String> apart = words("the system, call");
    assertFalse(apart.contains(call), apart.toString());
    assertEquals(system, apart.subList(0, system.size()));
  }

  @Test
  void aHyphenatedCompoundIsOneEntry() {
    List<String> readOnly = words("a read-only archive", Language.EN);
    assertEquals("只读", readOnly.get(0), readOnly.toString());
    List<String> read = lexicon.toChinese("read").stream().map(Translation::text).limit(3).toList();
    assertFalse(readOnly.stream().anyMatch(read::contains), readOnly + " holds read's own translations");
    // A single letter begins a compound (no entry "e ..." does), and alone adds nothing.
    assertEquals(List.of("电子邮件"), words("e-mail", Language.EN));
    assertEquals(List.of(), words("e", Language.EN));
    // Listed open only (boot loader), the compound still wins over its words.
    assertEquals(lexicon.toChinese("boot loader").get(0).text(), words("boot-loader", Language.EN).get(0));
  }

  @Test
  void chineseWordsBecomeEnglishAndTraditionalIsFoldedFirst() {
    List<String> simplified = words("经济联络");
    assertTrue(simplified.containsAll(english("经济", 3)) || simplified.containsAll(english("经济联络", 3)), simplified.toString());
    assertTrue(simplified.contains("liaison"), simplified.toString());
    assertEquals(simplified, words("經濟聯絡"));
    assertTrue(simplified.stream().allMatch(w -> w.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)),
        "a Chinese word's rendering holds no Chinese: " + simplified);
  }

  @Test
  void functionWordsNumbersLettersAndUnknownWordsAddNothing() {
    assertEquals("", renderer.render("the of and 2.0 a b xqzvwk", Language.EN));
    assertEquals("", renderer.render("的 了", Language.ZH));
    assertEquals("", renderer.render("", Language.EN));
    // A page in both languages is a Chinese page, however much English it holds.
    List<String> mixed = words("liaison office ministry of commerce 经济联络", Language.MIXED);
    assertTrue(mixed.contains("liaison") && !mixed.contains("联络"), mixed.toString());
  }

  @Test
  void aModalVerbIsRenderedAsAModalOnlyWhereItStandsAsOne() {
    List<String> can = lexicon.toChinese("can").stream().map(Translation::text).limit(3).toList();
    assertEquals("罐头", can.get(0));
    List<String> boot = words("boot", Language.EN);
    assertEquals(concat(List.of("可以", "能", "能够"), boot), words("you can boot", Language.EN), "can as a modal");
    assertEquals(concat(List.of("可以", "可能", "也许"), boot), words("it may boot", Language.EN), "may as a modal");
    assertEquals(concat(List.of("可以", "可能", "也许"), boot), words("this may boot", Language.EN), "after a demonstrative too");
    assertTrue(words("a can of paint", Language.EN).containsAll(can), "the noun takes the dictionary's senses");
    assertEquals(can, words("you can", Language.EN), "so does a word nothing follows");
    // A full stop ends the sentence: the word after it has no word before it.
    assertEquals(concat(List.of("可以", "能", "能够"), boot), words("a. can boot", Language.EN));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Test
  void aPagesWordsInItsOwnLanguageAloneAreRendered() {
    // A Chinese page's English words (commands, names) and an English page's Chinese ones add
    // nothing: a query in the page's language would meet its own words in the rendering.
    assertEquals(List.of(), words("liaison", Language.ZH));
    assertEquals(List.of(), words("联络", Language.EN));
    List<String> zh = words("联络 office", Language.ZH);
    assertTrue(zh.contains("liaison") && zh.stream().allMatch(w -> w.codePoints().noneMatch(
        c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)), zh.toString());
  }

  @Test
  void aWordBeginsASpanOnlyWhenSomeEntryOrItsLemmaBeginsWithIt() {
    assertTrue(lexicon.mayBeginEnglishSpan("system"), "system call");
    assertTrue(lexicon.mayBeginEnglishSpan("systems"), "by its lemma");
    assertFalse(lexicon.mayBeginEnglishSpan("xqzvwk"));
    // The check passes every span the lexicon knows: the entry is still found after it.
    assertEquals(words("system call").subList(0, 1), List.of(lexicon.toChinese("system call").get(0).text()));
  }

  @Test
  void aRepeatedPageRendersTheSame() {
    // Words, runs of words (file system, 国际贸易) and their lookups are remembered: a renderer that
    // has seen them renders a page as a fresh one does, and a run seen inside one page is found
    // again in the next.
    String text = "The kernel returns an error when the file system is full. Check the file system.";
    String chinese = "国际贸易的文件系统已满。国际贸易";
    DocumentRenderer used = new DocumentRenderer(lexicon);
    String first = used.render(text, Language.EN);
    String firstChinese = used.render(chinese, Language.ZH);
    assertTrue(first.contains(lexicon.toChinese("file system").get(0).text()), first);
    assertTrue(firstChinese.contains(lexicon.toEnglish("国际贸易").get(0).text()), firstChinese);
    assertEquals(first, used.render(text, Language.EN));
    assertEquals(firstChinese, used.render(chinese, Language.ZH));
    assertEquals(first, new DocumentRenderer(lexicon).render(text, Language.EN));
    assertEquals(firstChinese, new DocumentRenderer(lexicon).render(chinese, Language.ZH));
  }
}
