package io.liaison.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.junit.jupiter.api.Test;

/** Checks the lexicon compiled from the real ECDICT at build time. */
class LexiconTest {
  private static final Lexicon LEXICON = Lexicon.defaultLexicon();

  private static List<String> texts(List<Translation> translations) {
    return translations.stream().map(Translation::text).toList();
  }

  @Test
  void liaisonTranslatesToLianluoAndBack() {
    assertTrue(texts(LEXICON.toChinese("liaison")).subList(0, 1).contains("联络"));
    assertTrue(texts(LEXICON.toEnglish("联络")).contains("liaison"));
  }

  @Test
  void economicGivesJingjiFirst() {
    assertEquals("经济", LEXICON.toChinese("economic").get(0).text());
    assertEquals("经济", LEXICON.toChinese("Economic").get(0).text());
    assertTrue(texts(LEXICON.toEnglish("经济")).subList(0, 2).contains("economic"));
  }

  @Test
  void multiWordEntriesTranslateAsPhrases() {
    // ECDICT has no "belt and road"; it does have these as [经] terms.
    assertEquals("国际贸易", LEXICON.toChinese("international trade").get(0).text());
    assertTrue(texts(LEXICON.toChinese("economic growth")).contains("经济增长"));
    assertTrue(texts(LEXICON.toEnglish("国际贸易")).contains("international trade"));
    assertTrue(LEXICON.longestEnglishPhrase() >= 2);
    assertTrue(LEXICON.longestEnglishPhrase() <= LexiconCompiler.MAX_PHRASE_WORDS);
  }

  @Test
  void aLoneCharacterTakesItsEnglishFromCommonWordsWhereItHasThem() {
    // ECDICT glosses oops-a-daisy, karat and tricresol with a lone character (上, 开, 间) and open
    // or room with words of two; inverted, the rare words were those characters' first English.
    assertEquals("up", LEXICON.toEnglish("上").get(0).text(), texts(LEXICON.toEnglish("上")).toString());
    assertFalse(texts(LEXICON.toEnglish("上")).contains("oops-a-daisy"), texts(LEXICON.toEnglish("上")).toString());
    assertTrue(texts(LEXICON.toEnglish("开")).contains("open"), texts(LEXICON.toEnglish("开")).toString());
    assertFalse(texts(LEXICON.toEnglish("开")).contains("karat"), texts(LEXICON.toEnglish("开")).toString());
    assertEquals("room", LEXICON.toEnglish("间").get(0).text(), texts(LEXICON.toEnglish("间")).toString());
    assertEquals("resemble", LEXICON.toEnglish("像").get(0).text(), texts(LEXICON.toEnglish("像")).toString());
    // The rare word keeps the character in its own list.
    assertTrue(texts(LEXICON.toChinese("karat")).contains("开"), texts(LEXICON.toChinese("karat")).toString());
    // The common words left keep their shares: rescaled, a marginal one (期: stadium, 发: hair)
    // took ECDICT's whole share and pushed CC-CEDICT's glosses under the floor.
    assertTrue(texts(LEXICON.toEnglish("期")).contains("period"), texts(LEXICON.toEnglish("期")).toString());
    assertTrue(texts(LEXICON.toEnglish("发")).contains("issue"), texts(LEXICON.toEnglish("发")).toString());
    assertTrue(texts(LEXICON.toEnglish("查")).contains("check"), texts(LEXICON.toEnglish("查")).toString());
    assertTrue(texts(LEXICON.toEnglish("性")).contains("nature"), texts(LEXICON.toEnglish("性")).toString());
  }

  @Test
  void computingSensesAreNotCutOffBehindGeneralOnes() {
    // ECDICT lists these last, on a [计] line, after up to a dozen general senses.
    int terminal = texts(LEXICON.toChinese("terminal")).indexOf("终端");
    assertTrue(terminal >= 0 && terminal < 4, texts(LEXICON.toChinese("terminal")).toString());
    assertTrue(texts(LEXICON.toChinese("package")).contains("软件包"), texts(LEXICON.toChinese("package")).toString());
    int hold = texts(LEXICON.toChinese("hold")).indexOf("保留");
    assertTrue(hold >= 0 && hold < 3, texts(LEXICON.toChinese("hold")).toString());
    assertTrue(texts(LEXICON.toChinese("level")).contains("级别"), texts(LEXICON.toChinese("level")).toString());
    assertEquals("terminal", LEXICON.toEnglish("终端").get(0).text(), "not the letter T, which ECDICT glosses 终端");
    assertEquals("uninstall", LEXICON.toEnglish("卸载").get(0).text(), texts(LEXICON.toEnglish("卸载")).toString());
    assertTrue(texts(LEXICON.toEnglish("卸载")).contains("unload"), texts(LEXICON.toEnglish("卸载")).toString());
    // ECDICT gives download 卸载 first (lexicon-errata.txt drops it).
    assertTrue(!texts(LEXICON.toEnglish("卸载")).contains("download"), texts(LEXICON.toEnglish("卸载")).toString());
    assertEquals("下载", LEXICON.toChinese("download").get(0).text(), texts(LEXICON.toChinese("download")).toString());
    assertTrue(!texts(LEXICON.toChinese("download")).contains("卸载"), texts(LEXICON.toChinese("download")).toString());
  }

  @Test
  void theAdditionsGiveTheSensesManualsUse() {
    // Neither dictionary has these (lexicon-additions.txt).
    assertTrue(texts(LEXICON.toChinese("unmount")).contains("卸载"), texts(LEXICON.toChinese("unmount")).toString());
    assertTrue(texts(LEXICON.toEnglish("卸载")).contains("unmount"), texts(LEXICON.toEnglish("卸载")).toString());
    assertEquals("create", LEXICON.toEnglish("创建").get(0).text(), texts(LEXICON.toEnglish("创建")).toString());
    assertTrue(texts(LEXICON.toChinese("line")).subList(0, 3).contains("行"), texts(LEXICON.toChinese("line")).toString());
    assertEquals(List.of("符号链接"), texts(LEXICON.toChinese("symlink")));
    // The third list (system, network and desktop words): a phrase ECDICT has, and the Chinese side.
    assertTrue(texts(LEXICON.toChinese("subnet mask")).contains("子网掩码"), texts(LEXICON.toChinese("subnet mask")).toString());
    assertTrue(texts(LEXICON.toEnglish("僵尸进程")).contains("zombie"), texts(LEXICON.toEnglish("僵尸进程")).toString());
    // The fourth list: words neither dictionary has on the Chinese side, and a technical sense
    // (a disk or system image) beside the general one (mirror image).
    assertEquals("exit code", LEXICON.toEnglish("退出码").get(0).text(), texts(LEXICON.toEnglish("退出码")).toString());
    assertEquals("mutex", LEXICON.toEnglish("互斥锁").get(0).text(), texts(LEXICON.toEnglish("互斥锁")).toString());
    assertTrue(texts(LEXICON.toEnglish("镜像")).contains("image"), texts(LEXICON.toEnglish("镜像")).toString());
    assertTrue(texts(LEXICON.toEnglish("镜像")).contains("mirror image"), texts(LEXICON.toEnglish("镜像")).toString());
  }

  @Test
  void chineseWordsTakeTheirEnglishFromCcCedictToo() {
    // Words ECDICT lacks, or lists only turned around from English entries.
    assertEquals(List.of("mount"), texts(LEXICON.toEnglish("挂载")));
    assertEquals("united front", LEXICON.toEnglish("统战").get(0).text());
    assertEquals("referendum", LEXICON.toEnglish("公投").get(0).text());
    assertTrue(texts(LEXICON.toEnglish("权限")).contains("privilege"), texts(LEXICON.toEnglish("权限")).toString());
  }

  @Test
  void inflectedFormsUseTheLemmaEntry() {
    assertEquals(LEXICON.toChinese("liaison"), LEXICON.toChinese("liaisons"));
    assertEquals(LEXICON.toChinese("cooperate"), LEXICON.toChinese("cooperated"));
    assertEquals(LEXICON.toChinese("international trade"), LEXICON.toChinese("International  Trades"));
    // A common word in its own right keeps its own senses.
    assertTrue(texts(LEXICON.toChinese("left")).stream().anyMatch(t -> t.contains("左")));
  }

  @Test
  void aPluralTheDictionaryDoesNotListUsesItsSingular() {
    // ECDICT lists the inflections of common words only: checksums, callbacks, filesystems are not there.
    for (String plural : List.of("checksums", "callbacks", "filesystems", "deallocates")) {
      String singular = plural.substring(0, plural.length() - 1);
      assertFalse(LEXICON.toChinese(singular).isEmpty(), singular);
      assertEquals(LEXICON.toChinese(singular), LEXICON.toChinese(plural), plural);
    }
    assertEquals(List.of(), LEXICON.toChinese("qwxzvbns"));
  }

  @Test
  void unknownTermsGiveEmptyLists() {
    assertEquals(List.of(), LEXICON.toChinese("qwxzvbn"));
    assertEquals(List.of(), LEXICON.toChinese(""));
    assertEquals(List.of(), LEXICON.toEnglish("𠀀𠀀𠀀"));
  }

  @Test
  void weightsAreSortedFannedOutAndClean() {
    String[] english = {
      "liaison", "economic", "cooperation", "party", "center", "investment", "infrastructure",
      "railway", "port", "trade", "expo", "run", "set", "take", "state", "bank", "china"
    };
    for (String word : english) {
      List<Translation> ts = LEXICON.toChinese(word);
      assertFalse(ts.isEmpty(), word);
      assertTrue(ts.size() <= LexiconCompiler.COMMON_FANOUT, word + " " + ts);
      checkList(word, ts);
      for (Translation t : ts) {
        assertTrue(SenseCleaner.isHanWord(t.text()), word + " -> " + t);
        assertFalse(t.text().matches(".*[\\[\\]()（）a-zA-Z].*"), word + " -> " + t);
        assertFalse(t.text().length() > 2 && t.text().endsWith("的"), word + " -> " + t);
      }
    }
    for (String word : List.of("联络", "经济", "合作", "中心", "政党", "投资", "贸易", "中国", "发展")) {
      List<Translation> ts = LEXICON.toEnglish(word);
      assertFalse(ts.isEmpty(), word);
      assertTrue(ts.size() <= LexiconCompiler.MAX_CHINESE_FANOUT, word + " " + ts);
      checkList(word, ts);
      for (Translation t : ts) {
        assertTrue(t.text().matches("[a-z]+(?:['-][a-z]+)*(?: [a-z]+(?:['-][a-z]+)*)*"), word + " -> " + t);
      }
    }
  }

  private static void checkList(String term, List<Translation> ts) {
    float sum = 0;
    for (int i = 0; i < ts.size(); i++) {
      float w = ts.get(i).weight();
      assertTrue(w > 0f && w <= 1f, term + " " + ts);
      if (i > 0) {
        assertTrue(ts.get(i - 1).weight() >= w, term + " not sorted: " + ts);
      }
      sum += w;
    }
    assertTrue(sum <= 1.001f, term + " sums to " + sum);
  }

  @Test
  void englishWordsAreTheHeadwordsAndInflectedFormsAPatternAccepts() {
    assertEquals(List.of("organisation", "organization", "organizational", "organisations", "organizations"),
        LEXICON.englishWords("organi", pattern("organi?ation*"), 10), "headwords, then inflected forms");
    List<String> econ = LEXICON.englishWords("econom", pattern("econom*c"), 10);
    assertTrue(econ.contains("economic") && econ.stream().noneMatch(w -> w.contains(" ")), "words, not phrases: " + econ);
    assertEquals(3, LEXICON.englishWords("c", pattern("c*s"), 3).size(), "at most max");
    assertEquals(List.of(), LEXICON.englishWords("zzqx", pattern("zzqx*"), 10));
  }

  private static CharacterRunAutomaton pattern(String wildcard) {
    return new CharacterRunAutomaton(WildcardQuery.toAutomaton(new Term("body", wildcard), 10_000));
  }

  @Test
  void sizesAreReported() {
    assertTrue(LEXICON.englishEntries() > 100_000, "english " + LEXICON.englishEntries());
    assertTrue(LEXICON.chineseEntries() > 100_000, "chinese " + LEXICON.chineseEntries());
    assertTrue(LEXICON.longestChineseEntry() >= 4);
  }

  @Test
  void compoundsAreFoundInTheirOtherSpellings() {
    // Open to closed where the closed word is listed and means what its parts say (元数据 holds 数据).
    assertEquals(List.of("metadata"), LEXICON.otherSpellings("meta data"));
    assertEquals(List.of("workflow"), LEXICON.otherSpellings("Work  Flow"));
    // Closed to open: the same test, or the dictionary lists the open form (hard links) or the
    // hyphenated one (e-mail, searched as its two words).
    assertEquals(List.of("meta data"), LEXICON.otherSpellings("metadata"));
    assertEquals(List.of("hard links"), LEXICON.otherSpellings("hardlinks"));
    assertEquals(List.of("e mail"), LEXICON.otherSpellings("email"));
    // Open to closed where the dictionary lists no closed word at all (nor its singular): both parts
    // are words of three letters or more, so it is written closed in technical text (hardlinks).
    assertTrue(LEXICON.toChinese("hardlinks").isEmpty() && LEXICON.toChinese("hardlink").isEmpty(), "hardlink is listed");
    assertEquals(List.of("hardlinks"), LEXICON.otherSpellings("hard links"));
    assertEquals(List.of("cronjob"), LEXICON.otherSpellings("cron job"));
    assertEquals(List.of(), LEXICON.otherSpellings("search for")); // a function word
    assertEquals(List.of(), LEXICON.otherSpellings("ox cart")); // a part of two letters
    // Not compounds: parts that do not say what the word means, function words, three parts.
    assertEquals(List.of(), LEXICON.otherSpellings("carpet"));
    assertEquals(List.of(), LEXICON.otherSpellings("car pet"));
    assertEquals(List.of(), LEXICON.otherSpellings("therefore"));
    assertEquals(List.of(), LEXICON.otherSpellings("allocation")); // alloc is allocation shortened
    assertEquals(List.of(), LEXICON.otherSpellings("without"));
    assertEquals(List.of(), LEXICON.otherSpellings("meta data set"));
    assertEquals(List.of(), LEXICON.otherSpellings("元数据"));
  }
}
