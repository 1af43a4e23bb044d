package io.liaison.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.analysis.ChineseScript;
import io.liaison.index.Fields;
import io.liaison.lexicon.EnglishModals;
import io.liaison.lexicon.FunctionWords;
import io.liaison.lexicon.Glossary;
import io.liaison.lexicon.Lexicon;
import io.liaison.lexicon.Translation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiaisonQueryParserTest {
  @TempDir static Path dir;
  static Analyzer analyzer = Fields.analyzer(true);
  static QueryTranslator translator;

  @BeforeAll
  static void glossary() throws Exception {
    Path file = Files.writeString(dir.resolve("glossary.tsv"),
        "# test\n一带一路\t一帶一路\tBelt and Road\tBRI\n选择\tshortlist\n");
    Glossary g = Glossary.load(file, ChineseScript::toSimplified);
    translator = new QueryTranslator(analyzer, Lexicon.defaultLexicon(), () -> g, AliasTable::empty);
  }

  static LiaisonQueryParser parser(boolean translate, Ablation... off) {
    Set<Ablation> ablations = off.length == 0 ? Set.of() : EnumSet.of(off[0], off);
    return new LiaisonQueryParser(analyzer, translator, translate, ablations, 2f);
  }

  @Test
  void anEnglishWordBecomesOneConceptWithItsChineseTranslations() {
    LiaisonQueryParser p = parser(true);
    p.parseQuery("liaison");
    List<Concept> expansion = p.expansion();
    assertEquals(1, expansion.size());
    Concept c = expansion.get(0);
    assertEquals("liaison", c.source());
    assertEquals(Origin.QUERY, c.alternatives().get(0).origin());
    assertTrue(c.alternatives().stream().anyMatch(a -> a.text().equals("联络") && a.origin() == Origin.DICTIONARY), c.toString());
  }

  @Test
  void aMinedAliasThatIsAnOrdinaryWordTheDictionaryTranslatesOtherwiseIsNotUsed() {
    // As mined from "Tcl (手册)" in a manual page, beside real names.
    AliasTable mined = AliasTable.of(java.util.Map.of(
        "man.1.txt", List.of("Tcl\t手册"),
        "ild.txt", List.of("中联部\tILD", "中国经济联络中心\tCECC")));
    QueryTranslator t = new QueryTranslator(analyzer, Lexicon.defaultLexicon(), () -> Glossary.empty(), () -> mined);
    assertTrue(!Lexicon.defaultLexicon().toEnglish("手册").isEmpty(), "the dictionary knows 手册");
    // A name inside a Chinese sentence: only the glossary and the aliases can translate it.
    Concept tcl = t.translate("提供一个 Tcl 接口", true, Set.of()).stream()
        .filter(c -> c.source().equals("Tcl")).findFirst().orElseThrow();
    assertEquals(List.of("Tcl"), texts(tcl), "手册 is a gloss, not Tcl's name");
    assertTrue(texts(t.translate("ILD", true, Set.of()).get(0)).contains("中联部"));
    assertTrue(texts(t.translate("CECC", true, Set.of()).get(0)).contains("中国经济联络中心"));
    assertTrue(texts(t.translate("中联部", true, Set.of()).get(0)).contains("ILD"));
  }

  @Test
  void aSimplifiedWordIsAlsoSearchedInItsTaiwanFormButATraditionalOneIsNot() {
    LiaisonQueryParser mainland = parser(true);
    mainland.parseQuery("内存");
    // SmartCN splits 内存; the phrase concept of the whole word carries its Taiwan form.
    Alternative taiwan = mainland.expansion().stream().flatMap(c -> c.alternatives().stream())
        .filter(a -> a.text().equals("记忆体")).findFirst().orElseThrow(() -> new AssertionError(mainland.expansion()));
    assertEquals(Origin.VARIANT, taiwan.origin());
    assertEquals(0.5f, taiwan.weight(), 1e-6f, "the translation share, not scaled by the spread of the English ones");
    LiaisonQueryParser tw = parser(true);
    tw.parseQuery("記憶體 程序");
    assertTrue(tw.expansion().stream().flatMap(c -> c.alternatives().stream()).noneMatch(a -> a.origin() == Origin.VARIANT),
        "a Taiwan user's 程序 means procedure; no mainland or Taiwan forms are added: " + tw.expansion());
    LiaisonQueryParser off = parser(false);
    off.parseQuery("内存");
    assertTrue(off.expansion().stream().allMatch(c -> c.alternatives().size() == 1), off.expansion().toString());
  }

  @Test
  void aTaiwanWordInATraditionalQueryAlsoTakesItsMainlandWordsAndTheirEnglish() {
    // 預設 is Taiwan's 默认 (default); the dictionary, written from mainland usage, gives the
    // mainland's 预设 only preinstall and presupposition.
    LiaisonQueryParser tw = parser(true);
    tw.parseQuery("預設");
    List<Alternative> all = tw.expansion().stream().flatMap(c -> c.alternatives().stream()).toList();
    Alternative english = all.stream().filter(a -> a.text().equals("default")).findFirst()
        .orElseThrow(() -> new AssertionError(tw.expansion()));
    assertEquals(Origin.DICTIONARY, english.origin());
    float best = all.stream().filter(a -> a.origin() == Origin.DICTIONARY).map(Alternative::weight).max(Float::compare).orElseThrow();
    assertTrue(english.weight() < best, "below the word's own best: " + all);
    // The mainland word itself is searched, in pages not written in Traditional only.
    assertEquals(List.of(Origin.MAINLAND), all.stream().filter(a -> a.text().equals("默认")).map(Alternative::origin).toList(), all.toString());
    LiaisonQueryParser mainland = parser(true);
    mainland.parseQuery("预设");
    List<Alternative> mainlands = mainland.expansion().stream().flatMap(c -> c.alternatives().stream()).toList();
    assertTrue(mainlands.stream().noneMatch(a -> a.text().equals("default")), "a mainland user's 预设 is preinstall: " + mainlands);
    assertTrue(mainlands.stream().noneMatch(a -> a.origin() == Origin.MAINLAND), "nor does it stand for 默认: " + mainlands);
  }

  @Test
  void theChineseTranslationsOfAnEnglishWordBringTheirTaiwanForms() {
    LiaisonQueryParser p = parser(true);
    p.parseQuery("software");
    List<String> texts = texts(p.expansion().get(0));
    assertTrue(texts.contains("软件") && texts.contains("软体"), texts.toString());
    Alternative taiwan = p.expansion().get(0).alternatives().stream().filter(a -> a.text().equals("软体")).findFirst().orElseThrow();
    assertEquals(Origin.VARIANT, taiwan.origin(), "searched in Traditional pages only, as the user's own word's Taiwan form is");
  }

  @Test
  void aLowerCaseAcronymStillGetsTheAliasesTheCorpusStates() {
    assertTrue(Lexicon.defaultLexicon().isAcronymOnly("wto"), "ECDICT knows WTO only as an acronym");
    AliasTable mined = AliasTable.of(java.util.Map.of("trade.txt", List.of("World Trade Organization\tWTO", "世界贸易组织\tWTO")));
    QueryTranslator t = new QueryTranslator(analyzer, Lexicon.defaultLexicon(), () -> Glossary.empty(), () -> mined);
    List<String> lower = texts(t.translate("wto", true, Set.of()).get(0));
    assertTrue(lower.contains("世界贸易组织") && lower.contains("World Trade Organization"), lower.toString());
  }

  private static List<String> texts(Concept c) {
    return c.alternatives().stream().map(Alternative::text).toList();
  }

  @Test
  void translationsWeighLessThanTheUsersWord() {
    LiaisonQueryParser p = parser(true);
    p.parseQuery("经济");
    Concept c = p.expansion().get(0);
    assertEquals(1f, c.alternatives().get(0).weight());
    assertTrue(c.alternatives().size() > 1, c.toString());
    for (Alternative a : c.alternatives().subList(1, c.alternatives().size())) {
      assertTrue(a.weight() <= QueryTranslator.TRANSLATION_SHARE, a.toString());
    }
    assertEquals(bestWeight("经济", Set.of()), c.alternatives().get(1).weight(), 1e-6f, "the best translation");
    LiaisonQueryParser en = parser(true);
    en.parseQuery("economy");
    assertEquals(QueryTranslator.TRANSLATION_SHARE, en.expansion().get(0).alternatives().get(1).weight(), 1e-6f,
        "an English word's best translation");
  }

  /**
   * The weight a Chinese word's best translation should get, worked out here from the dictionary:
   * the translation share, times (best / sum of the kept translations' weights) ^ the exponent.
   */
  private static float bestWeight(String word, Set<String> dropped) {
    List<Float> weights = Lexicon.defaultLexicon().toEnglish(word).stream()
        .filter(t -> !dropped.contains(t.text())).map(t -> t.weight()).toList();
    float best = weights.stream().reduce(0f, Math::max);
    float sum = weights.stream().reduce(0f, Float::sum);
    return QueryTranslator.TRANSLATION_SHARE * (float) Math.pow(best / sum, QueryTranslator.SPREAD_EXPONENT);
  }

  @Test
  void anEnglishWordsLowerRankedTranslationsAreFlattenedNotCrushed() {
    // package: 程序包 first in the dictionary, 包装 (packaging) at under a third.
    List<Translation> listed = Lexicon.defaultLexicon().toChinese("package");
    float best = listed.get(0).weight();
    Translation packaging = listed.stream().filter(t -> t.text().equals("包装")).findFirst().orElseThrow();
    assertTrue(packaging.weight() / best < 0.4f, listed.toString());
    Concept c = translator.translate("package", true, Set.of()).get(0);
    assertEquals(1f, c.alternatives().get(0).weight());
    for (Translation t : listed) {
      Alternative a = c.alternatives().stream().filter(x -> x.text().equals(t.text())).findFirst().orElseThrow();
      float expected = QueryTranslator.TRANSLATION_SHARE * (float) Math.pow(t.weight() / best, QueryTranslator.SENSE_EXPONENT);
      assertEquals(expected, a.weight(), 1e-5f, a.toString());
    }
    Alternative flattened = c.alternatives().stream().filter(a -> a.text().equals("包装")).findFirst().orElseThrow();
    assertTrue(flattened.weight() > 1.2f * QueryTranslator.TRANSLATION_SHARE * packaging.weight() / best, c.toString());
    // The dictionary's order stays.
    List<String> texts = listed.stream().map(Translation::text).toList();
    List<String> order = c.alternatives().stream().map(Alternative::text).filter(texts::contains).toList();
    assertEquals(texts, order);
  }

  @Test
  void aChineseWordsTranslationsWeighLessTheMoreWaysTheDictionaryRendersIt() {
    assertEquals(1, Lexicon.defaultLexicon().toEnglish("编译器").size(), "编译器 has one translation");
    assertTrue(Lexicon.defaultLexicon().toEnglish("选择").size() >= 5, "选择 has many");
    Concept compiler = translator.translate("编译器", true, Set.of()).get(0);
    assertEquals(QueryTranslator.TRANSLATION_SHARE, compiler.alternatives().get(1).weight(), 1e-6f, compiler.toString());
    Concept choose = translator.translate("选择", true, Set.of()).get(0);
    List<Alternative> dictionary = choose.alternatives().stream().filter(a -> a.origin() == Origin.DICTIONARY).toList();
    float best = dictionary.get(0).weight();
    assertEquals(bestWeight("选择", Set.of()), best, 1e-6f, choose.toString());
    assertTrue(best < 0.6f * QueryTranslator.TRANSLATION_SHARE, "spread over six renderings: " + choose);
    // The others keep their ratios to the best, and the word itself its full weight.
    List<Translation> listed = Lexicon.defaultLexicon().toEnglish("选择");
    assertEquals(listed.get(1).weight() / listed.get(0).weight(), dictionary.get(1).weight() / best, 1e-4f);
    assertEquals(1f, choose.alternatives().get(0).weight());
    // A glossary term is the user's own equivalence: not scaled, beside scaled dictionary ones.
    Alternative shortlist = choose.alternatives().stream().filter(a -> a.text().equals("shortlist")).findFirst().orElseThrow();
    assertEquals(Origin.GLOSSARY, shortlist.origin());
    assertEquals(QueryTranslator.TRANSLATION_SHARE, shortlist.weight(), 1e-6f, choose.toString());
    // With weighting ablated every translation weighs 1.
    assertTrue(translator.translate("选择", true, Set.of(Ablation.WEIGHTING)).get(0).alternatives().stream()
        .allMatch(a -> a.weight() == 1f));
  }

  @Test
  void chineseFunctionWordsAreSearchedButNotTranslated() {
    LiaisonQueryParser p = parser(true);
    p.parseQuery("把文件转换成一种格式");
    for (Concept c : p.expansion()) {
      if (FunctionWords.chinese().contains(c.source())) {
        assertEquals(1, c.alternatives().size(), c.toString());
      }
    }
    List<String> sources = p.expansion().stream().map(Concept::source).toList();
    assertTrue(sources.containsAll(List.of("把", "文件", "转换", "成", "格式")), sources.toString());
    assertTrue(!sources.contains("一种") || p.expansion().stream().noneMatch(c -> c.phrase() && c.source().equals("一种")),
        "a phrase of function words is not translated: " + sources);
    Concept file = p.expansion().get(sources.indexOf("文件"));
    assertTrue(file.alternatives().size() > 1, file.toString());
  }

  @Test
  void aQuestionWordIsSearchedButNotTranslated() {
    // 哪里 (where): with where a function word, the dictionary's one gloss left was somewhere.
    for (String question : List.of("哪里", "何处", "为何")) {
      List<Concept> concepts = translator.translate(question + "可以获得镜像", true, Set.of());
      Concept c = concepts.get(0);
      assertEquals(question, c.source());
      assertEquals(List.of(question), texts(c), c.toString());
    }
    // 几 is several in a statement (以下几个目录), so it keeps its translations.
    assertTrue(!FunctionWords.chinese().contains("几"));
  }

  @Test
  void aClauseFinalTimeMarkerIsSearchedButNotTranslated() {
    // 启动时 is "when it starts": 时 is no time, hour or o'clock, and no unit beside 启动.
    List<Concept> concepts = translator.translate("程序启动时打开三个流", true, Set.of());
    Concept when = concepts.stream().filter(c -> c.source().equals("时")).findFirst().orElseThrow();
    assertEquals(List.of("时"), texts(when), when.toString());
    assertTrue(QueryTranslator.standingAside(concepts).contains(when), concepts.toString());
  }

  @Test
  void englishFunctionWordsAreNotTranslatedAndStandAsideForContentWords() {
    for (String word : List.of("how", "do", "i", "the")) {
      assertTrue(FunctionWords.english().contains(word), word);
    }
    for (String word : List.of("how", "do")) {
      assertTrue(!Lexicon.defaultLexicon().toChinese(word).isEmpty(), "the dictionary translates " + word);
    }
    LiaisonQueryParser p = parser(true);
    Query q = p.parseQuery("How do I configure the network");
    Map<String, Concept> bySource = new HashMap<>();
    p.expansion().forEach(c -> bySource.put(c.source().toLowerCase(Locale.ROOT), c));
    assertEquals(Set.of("configure", "network"), bySource.keySet(), "the content words alone: " + q);
    assertTrue(texts(bySource.get("configure")).contains("配置"), bySource.get("configure").toString());
    assertTrue(texts(bySource.get("network")).contains("网络"), bySource.get("network").toString());
    assertTrue(!q.toString().contains("如何") && q.toString().contains("网络"), q.toString());
    assertTrue(!q.toString().contains("body:how") && !q.toString().contains("body:the"), q.toString());

    // Without translation too: what Lucene's English analyzer would drop as stop words.
    LiaisonQueryParser plain = parser(false);
    String untranslated = plain.parseQuery("How do I configure the network").toString();
    assertTrue(untranslated.contains("network") && !untranslated.contains("body:how"), untranslated);

    // A query of nothing else keeps them, searched as typed, not translated.
    LiaisonQueryParser only = parser(true);
    only.parseQuery("how do I");
    assertEquals(List.of("how", "do", "I"), only.expansion().stream().filter(c -> !c.phrase()).map(Concept::source).toList());
    assertTrue(only.expansion().stream().filter(c -> !c.phrase()).allMatch(c -> c.alternatives().size() == 1), only.expansion().toString());

    // A quoted phrase keeps every word; WHO in capitals is a name, not the question word.
    String quoted = parser(true).parseQuery("\"how many\" hosts").toString();
    assertTrue(quoted.contains("body:\"how mani\""), quoted);
    LiaisonQueryParser caps = parser(true);
    assertTrue(FunctionWords.english().contains("who"));
    caps.parseQuery("WHO guidelines");
    assertTrue(caps.expansion().stream().anyMatch(c -> c.source().equals("WHO")), caps.expansion().toString());
    LiaisonQueryParser lower = parser(true);
    lower.parseQuery("who guidelines");
    assertTrue(lower.expansion().stream().noneMatch(c -> c.source().equals("who")), lower.expansion().toString());
  }

  @Test
  void aModalVerbTakesItsModalSensesOnlyWhereItStandsAsOne() {
    assertEquals("罐头", Lexicon.defaultLexicon().toChinese("can").get(0).text(), "the dictionary's first sense of can");
    assertEquals("五月", Lexicon.defaultLexicon().toChinese("may").get(0).text(), "and of may");
    // As modals, can and may are translated as modals: 可以, not 罐头 (tin can) or 五月 (May).
    for (String query : List.of("you can boot the installer", "Can I boot the installer", "the installer may boot",
        "this can boot the installer")) {
      LiaisonQueryParser p = parser(true);
      String q = p.parseQuery(query).toString();
      Concept modal = p.expansion().stream().filter(c -> EnglishModals.isModalWord(c.source())).findFirst().orElseThrow();
      assertEquals(EnglishModals.modalSenses(modal.source()), texts(modal).subList(1, texts(modal).size()), query);
      assertTrue(q.contains("可以") && !q.contains("罐头") && !q.contains("五月"), q);
      assertTrue(texts(p.expansion().stream().filter(c -> c.source().equals("boot")).findFirst().orElseThrow()).contains("引导"), query);
      // Without translation the word is searched as typed, as any other.
      String plain = parser(false).parseQuery(query).toString();
      assertTrue(plain.contains("boot") && !plain.contains("可以"), plain);
    }
    // As nouns, and as the month, they take the dictionary's senses: after a determiner, at the
    // end, before a number, or capitalised inside a sentence; and a query of the word alone.
    for (String query : List.of("a can of paint", "what is in the can", "can", "released in May 2024", "released in May after testing")) {
      LiaisonQueryParser p = parser(true);
      p.parseQuery(query);
      Concept word = p.expansion().stream().filter(c -> c.source().equalsIgnoreCase("can") || c.source().equals("May")).findFirst().orElseThrow();
      assertTrue(texts(word).contains("罐头") || texts(word).contains("五月"), query + ": " + word);
    }
  }

  @Test
  void aDictionaryPhraseTakesInTheStopWordsAtItsEnds() {
    // The analyser drops in, to and for, so the tokens of "log in" are log alone; the dictionary's
    // phrasal verb (登录) and "for example" (例如) are found in the text around the tokens.
    assertTrue(Lexicon.defaultLexicon().toChinese("log in").stream().anyMatch(t -> t.text().equals("登录")));
    assertTrue(Lexicon.defaultLexicon().toChinese("log").stream().noneMatch(t -> t.text().equals("登录")));
    LiaisonQueryParser p = parser(true);
    String q = p.parseQuery("log in to the server").toString();
    Concept login = p.expansion().stream().filter(c -> c.source().equals("log in")).findFirst()
        .orElseThrow(() -> new AssertionError(p.expansion().toString()));
    assertTrue(login.phrase() && texts(login).contains("登录"), login.toString());
    assertTrue(q.contains("登录"), q);
    assertTrue(p.expansion().stream().anyMatch(c -> c.source().equals("log") && !c.phrase()), "log keeps its own concept");
    // The phrase covers its word, before it as after it, as a phrase of words alone does.
    LiaisonQueryParser before = parser(true);
    before.parseQuery("for example a disk");
    Concept example = before.expansion().stream().filter(c -> c.source().equals("for example")).findFirst()
        .orElseThrow(() -> new AssertionError(before.expansion().toString()));
    assertTrue(texts(example).contains("例如"), example.toString());
    Concept word = before.expansion().stream().filter(c -> c.source().equals("example")).findFirst().orElseThrow();
    assertEquals(List.of(example), ConceptQueryBuilder.coveringPhrases(before.expansion()).get(word));
    assertEquals(List.of(login), ConceptQueryBuilder.coveringPhrases(p.expansion())
        .get(p.expansion().stream().filter(c -> c.source().equals("log")).findFirst().orElseThrow()));
    // Only what its words lack: part of is 部分 as part is, so it is no phrase of its own; and an
    // infinitive's to is taken in by nothing (able to boot: not "to boot", 除此以外).
    assertTrue(Lexicon.defaultLexicon().toChinese("part of").stream().anyMatch(t -> t.text().equals("部分")));
    LiaisonQueryParser part = parser(true);
    part.parseQuery("part of the disk");
    assertTrue(part.expansion().stream().noneMatch(c -> c.source().equals("part of")), part.expansion().toString());
    assertTrue(Lexicon.defaultLexicon().toChinese("to boot").stream().anyMatch(t -> t.text().equals("除此以外")));
    LiaisonQueryParser boot = parser(true);
    boot.parseQuery("able to boot from a disk");
    assertTrue(boot.expansion().stream().noneMatch(c -> c.source().startsWith("to ")), boot.expansion().toString());
    // Not across punctuation, nor with phrases ablated.
    LiaisonQueryParser stop = parser(true);
    assertTrue(!stop.parseQuery("check the log. In the end").toString().contains("登录"), stop.expansion().toString());
    LiaisonQueryParser ablated = parser(true, Ablation.PHRASES);
    assertTrue(!ablated.parseQuery("log in to the server").toString().contains("登录"));
  }

  @Test
  void aNounAndItsPrepositionAreNoPhrasalVerb() {
    // ECDICT's file in is 鱼贯而入 (to walk in in single file); "files in a directory" is a noun
    // and its preposition, which the tagger tells by the verb before the noun.
    assertTrue(Lexicon.defaultLexicon().toChinese("files in").stream().anyMatch(t -> t.text().equals("鱼贯而入")));
    LiaisonQueryParser noun = parser(true);
    String q = noun.parseQuery("search for files in a directory hierarchy").toString();
    assertTrue(!q.contains("鱼贯而入") && noun.expansion().stream().noneMatch(c -> c.source().equals("files in")),
        noun.expansion().toString());
    assertTrue(noun.expansion().stream().anyMatch(c -> c.source().equals("files") && !c.phrase()), "files keeps its own concept");
    // After its subject the verb keeps the phrase: a user logs in, 登录.
    LiaisonQueryParser verb = parser(true);
    verb.parseQuery("every time a user logs in");
    Concept login = verb.expansion().stream().filter(c -> c.source().equals("logs in")).findFirst()
        .orElseThrow(() -> new AssertionError(verb.expansion().toString()));
    assertTrue(login.phrase() && texts(login).contains("登录"), login.toString());
  }

  @Test
  void aChineseWordIsNotTranslatedIntoEnglishFunctionWords() {
    List<String> dictionary = Lexicon.defaultLexicon().toEnglish("原因").stream().map(t -> t.text()).toList();
    assertTrue(dictionary.contains("why") && dictionary.contains("cause"), "the dictionary gives 原因 " + dictionary);
    assertTrue(FunctionWords.english().contains("why"));
    LiaisonQueryParser p = parser(true);
    p.parseQuery("原因");
    List<String> offered = p.expansion().get(0).alternatives().stream().map(Alternative::text).toList();
    assertTrue(!offered.contains("why") && offered.contains("cause"), offered.toString());
    // The best translation kept takes the top weight, as if the dropped one had never been listed.
    assertEquals(bestWeight("原因", Set.of("why")), p.expansion().get(0).alternatives().get(1).weight(), 1e-6f);
    // Words that are also content words or names stay: 罐头 can, 美国 US, 五月 May.
    for (String word : List.of("罐头", "美国", "五月")) {
      LiaisonQueryParser q = parser(true);
      q.parseQuery(word);
      assertEquals(Lexicon.defaultLexicon().toEnglish(word).get(0).text(),
          q.expansion().get(0).alternatives().get(1).text(), word);
    }
    // An English query keeps its own function words as typed.
    LiaisonQueryParser en = parser(true);
    en.parseQuery("why");
    assertEquals("why", en.expansion().get(0).alternatives().get(0).text());
  }

  @Test
  void aLowerCaseWordTheDictionaryKnowsOnlyAsAnAcronymIsNotTranslated() {
    assertTrue(Lexicon.defaultLexicon().isAcronymOnly("src"), "ECDICT knows SRC only as an acronym");
    LiaisonQueryParser lower = parser(true);
    lower.parseQuery("src");
    assertEquals(1, lower.expansion().get(0).alternatives().size(), lower.expansion().toString());
    LiaisonQueryParser upper = parser(true);
    upper.parseQuery("SRC");
    assertTrue(upper.expansion().get(0).alternatives().size() > 1, upper.expansion().toString());
  }

  @Test
  void englishWordsInsideAChineseQueryAreNamesButTheGlossaryStillKnowsThem() {
    LiaisonQueryParser zh = parser(true);
    zh.parseQuery("默认的终止信号是 TERM");
    Concept term = zh.expansion().stream().filter(c -> c.source().equals("TERM")).findFirst().orElseThrow();
    assertEquals(1, term.alternatives().size(), "a signal name, not 术语: " + term);
    Concept signal = zh.expansion().stream().filter(c -> c.source().equals("信号")).findFirst().orElseThrow();
    assertTrue(signal.alternatives().stream().anyMatch(a -> a.text().equals("signal")), signal.toString());

    LiaisonQueryParser en = parser(true);
    en.parseQuery("the term of a signal");
    assertTrue(en.expansion().get(0).alternatives().size() > 1, "in an English query it is a word: " + en.expansion());

    LiaisonQueryParser glossary = parser(true);
    glossary.parseQuery("建设 BRI 项目");
    Concept bri = glossary.expansion().stream().filter(c -> c.source().equals("BRI")).findFirst().orElseThrow();
    assertTrue(bri.alternatives().stream().anyMatch(a -> a.text().equals("一带一路") && a.origin() == Origin.GLOSSARY), bri.toString());
  }

  @Test
  void aTraditionalWordIsLookedUpInSimplified() {
    LiaisonQueryParser p = parser(true);
    p.parseQuery("聯絡");
    Concept c = p.expansion().get(0);
    assertEquals("聯絡", c.source());
    assertTrue(c.alternatives().stream().anyMatch(a -> a.text().equals("liaison")), c.toString());
  }

  @Test
  void eachConceptIsOneSynonymQueryPerField() {
    Query q = parser(true).parseQuery("economic liaison");
    // Two words: coordinated (CoordinationQuery), each counted on its own.
    CoordinationQuery coordinated = assertInstanceOf(CoordinationQuery.class, q);
    assertEquals(2, coordinated.concepts().size());
    BooleanQuery concepts = assertInstanceOf(BooleanQuery.class, coordinated.query());
    List<BooleanClause> words = concepts.clauses().stream().filter(c -> !ConceptProximity.isProximity(c.query())).toList();
    assertEquals(2, words.size(), "one clause per source word, whatever its number of translations");
    assertEquals(3, concepts.clauses().size(), "and one for the two words' proximity");
    for (BooleanClause concept : words) {
      BooleanQuery fields = assertInstanceOf(BooleanQuery.class, concept.query());
      assertEquals(3, fields.clauses().size(), "title, body and the Chinese translations' bigrams");
      Query title = assertInstanceOf(BoostQuery.class, fields.clauses().get(0).query()).getQuery();
      assertTrue(hasSynonymQuery(title, "title"), title.toString());
      assertTrue(hasSynonymQuery(fields.clauses().get(1).query(), "body"));
      BoostQuery bigrams = assertInstanceOf(BoostQuery.class, fields.clauses().get(2).query());
      assertEquals(ConceptQueryBuilder.BIGRAM_WEIGHT, bigrams.getBoost());
      assertTrue(bigrams.getQuery().toString().contains(Fields.HAN_BIGRAMS + ":"), bigrams.toString());
    }
  }

  /** The query a short query's coordination wraps, or the query itself. */
  static Query inner(Query q) {
    return q instanceof CoordinationQuery c ? c.query() : q;
  }

  /** A concept in one field: a SynonymQuery, or a dis-max of one with phrase translations. */
  private static boolean hasSynonymQuery(Query q, String field) {
    if (q instanceof SynonymQuery s) {
      return s.getField().equals(field) && s.getTerms().size() > 1;
    }
    return q instanceof org.apache.lucene.search.DisjunctionMaxQuery d
        && d.getDisjuncts().stream().filter(x -> x instanceof SynonymQuery).count() == 1
        && d.getDisjuncts().stream().allMatch(x -> x.toString().startsWith(field + ":")
            || x.toString().startsWith("Synonym(" + field + ":") || x.toString().startsWith("(" + field + ":"));
  }

  @Test
  void withoutTheStructureEveryTranslationIsItsOwnClause() {
    Query q = parser(true, Ablation.STRUCTURE).parseQuery("economic");
    BooleanQuery fields = assertInstanceOf(BooleanQuery.class, q);
    Query body = fields.clauses().get(1).query();
    BooleanQuery alternatives = assertInstanceOf(BooleanQuery.class, body);
    assertTrue(alternatives.clauses().size() > 2, alternatives.toString());
  }

  @Test
  void theLongestGlossaryPhraseAddsOneConceptBesideItsWords() {
    LiaisonQueryParser p = parser(true);
    Query q = p.parseQuery("Belt and Road projects");
    List<Concept> expansion = p.expansion();
    assertEquals(List.of("Belt", "Road", "Belt and Road", "projects"), expansion.stream().map(Concept::source).toList());
    Concept phrase = expansion.get(2);
    assertTrue(phrase.phrase());
    assertTrue(phrase.alternatives().stream().anyMatch(a -> a.text().equals("一带一路") && a.origin() == Origin.GLOSSARY));
    assertTrue(expansion.stream().filter(c -> c != phrase).noneMatch(Concept::phrase));
    // Four concepts and, a short English query, its words' proximity (Belt ~ Road, Road ~
    // projects, Belt ~ projects one apart), each word also matched by 一带一路.
    BooleanQuery clauses = assertInstanceOf(BooleanQuery.class, inner(q));
    assertEquals(7, clauses.clauses().size(), clauses.toString());
    String beltRoad = clauses.clauses().get(4).query().toString();
    assertTrue(beltRoad.contains("belt") && beltRoad.contains("road") && beltRoad.contains("BLOCK(一,带,一,路)")
        && !beltRoad.contains("project"), beltRoad);
  }

  @Test
  void underAndThePhraseConceptIsOptionalButEveryWordIsRequired() {
    LiaisonQueryParser p = parser(true);
    p.setDefaultOperator(org.apache.lucene.queryparser.classic.QueryParser.Operator.AND);
    BooleanQuery q = assertInstanceOf(BooleanQuery.class, inner(p.parseQuery("Belt and Road")));
    // The two words, the phrase concept, the words' proximity: only the words are required.
    assertEquals(List.of(BooleanClause.Occur.MUST, BooleanClause.Occur.MUST, BooleanClause.Occur.SHOULD, BooleanClause.Occur.SHOULD),
        q.clauses().stream().map(BooleanClause::occur).toList());
    assertTrue(ConceptProximity.isProximity(q.clauses().get(3).query()), q.toString());
  }

  @Test
  void aPhraseBeforeAnOperatorIsStillFound() {
    // The syntax ends a run of words before the word an operator follows: "Belt and", then Road
    // (required by the AND), then Africa. Read together, the words still make the glossary's phrase.
    LiaisonQueryParser p = parser(true);
    BooleanQuery q = assertInstanceOf(BooleanQuery.class, inner(p.parseQuery("Belt and Road AND Africa")));
    assertEquals(List.of("Belt", "Road", "Belt and Road", "Africa"), p.expansion().stream().map(Concept::source).toList());
    assertTrue(p.expansion().get(2).phrase());
    // Belt as the syntax left it (optional), Road and Africa required, the phrase and the words'
    // proximity optional.
    assertEquals(List.of(BooleanClause.Occur.SHOULD, BooleanClause.Occur.MUST, BooleanClause.Occur.SHOULD,
            BooleanClause.Occur.SHOULD, BooleanClause.Occur.MUST),
        q.clauses().stream().map(BooleanClause::occur).toList(), q.toString());
    assertTrue(ConceptProximity.isProximity(q.clauses().get(3).query()), q.toString());
    // Within brackets too, and in a named field.
    LiaisonQueryParser grouped = parser(true);
    grouped.parseQuery("(Belt and Road AND Africa) OR title:(Belt and Road AND Kenya)");
    assertEquals(2, grouped.expansion().stream().filter(c -> c.source().equals("Belt and Road")).count(), grouped.expansion().toString());
  }

  @Test
  void anOperatorOrModifierBetweenWordsKeepsThemApart() {
    for (String query : List.of("Belt and OR Road", "Belt and +Road", "Belt and -Road", "Belt and AND Road", "Belt and title:Road",
        "\"Belt and\" Road")) {
      LiaisonQueryParser p = parser(true);
      p.parseQuery(query);
      assertTrue(p.expansion().stream().noneMatch(Concept::phrase), query + ": " + p.expansion());
    }
  }

  @Test
  void underAndAChineseFunctionWordStaysOptional() {
    // 已安装的软件包: 已 and 的 are searched but not required, or no English page could match.
    LiaisonQueryParser p = parser(true);
    p.setDefaultOperator(org.apache.lucene.queryparser.classic.QueryParser.Operator.AND);
    BooleanQuery q = assertInstanceOf(BooleanQuery.class, inner(p.parseQuery("已安装的软件包")));
    Map<String, BooleanClause.Occur> bySource = new HashMap<>();
    List<Concept> words = p.expansion().stream().filter(c -> !c.phrase()).toList();
    assertEquals(List.of("已", "安装", "的", "软件包"), words.stream().map(Concept::source).toList());
    for (int i = 0; i < words.size(); i++) {
      bySource.put(words.get(i).source(), q.clauses().get(i).occur());
    }
    assertEquals(Map.of("已", BooleanClause.Occur.SHOULD, "安装", BooleanClause.Occur.MUST,
        "的", BooleanClause.Occur.SHOULD, "软件包", BooleanClause.Occur.MUST), bySource, q.toString());
    // 安装 ~ 软件包 is the one proximity clause.
    assertEquals(1, q.clauses().stream().filter(c -> ConceptProximity.isProximity(c.query())).count(), q.toString());
    // Beside an operator and a field too, where the syntax re-adds each run's clauses.
    for (String query : List.of("已安装的软件包 AND title:文件", "的 软件包 +文件", "文件 的")) {
      LiaisonQueryParser and = parser(true);
      and.setDefaultOperator(org.apache.lucene.queryparser.classic.QueryParser.Operator.AND);
      Query parsed = inner(and.parseQuery(query));
      List<BooleanClause> clauses = new ArrayList<>();
      collectClauses(parsed, clauses);
      List<BooleanClause.Occur> particle = clauses.stream()
          .filter(c -> termsOf(c.query()).equals(Set.of("的")))
          .map(BooleanClause::occur).distinct().toList();
      assertEquals(List.of(BooleanClause.Occur.SHOULD), particle, query + ": " + parsed);
    }
  }

  private static Set<String> termsOf(Query q) {
    Set<Term> terms = new HashSet<>();
    q.visit(QueryVisitor.termCollector(terms));
    return terms.stream().map(Term::text).collect(Collectors.toSet());
  }

  private static void collectClauses(Query q, List<BooleanClause> out) {
    if (q instanceof BooleanQuery b) {
      for (BooleanClause c : b.clauses()) {
        out.add(c);
        collectClauses(c.query(), out);
      }
    }
  }

  @Test
  void underAndProximityStaysOptional() {
    LiaisonQueryParser p = parser(true);
    p.setDefaultOperator(org.apache.lucene.queryparser.classic.QueryParser.Operator.AND);
    BooleanQuery q = assertInstanceOf(BooleanQuery.class, inner(p.parseQuery("economic liaison")));
    assertEquals(List.of(BooleanClause.Occur.MUST, BooleanClause.Occur.MUST, BooleanClause.Occur.SHOULD),
        q.clauses().stream().map(BooleanClause::occur).toList());
    assertTrue(ConceptProximity.isProximity(q.clauses().get(2).query()), q.toString());
  }

  @Test
  void aChineseCityIsTranslatedToTheEnglishNameItsPinyinSpells() {
    // The bundled dictionary, compiled from ECDICT: the pinyin of a city is its English name.
    assertTrue(texts(translator.translate("上海", true, Set.of()).get(0)).contains("shanghai"));
    assertTrue(texts(translator.translate("北京", true, Set.of()).get(0)).contains("beijing"));
    assertTrue(texts(translator.translate("重庆", true, Set.of()).get(0)).contains("chongqing"));
    List<String> hongKong = texts(translator.translate("香港", true, Set.of()).get(0));
    assertTrue(hongKong.contains("hong kong") && !hongKong.contains("xianggang"), hongKong.toString());
    // CC-CEDICT's name for the place comes before the older spellings ECDICT ranks (Tientsin,
    // Chengtu, Amoy), which are still searched; 成都 and 厦门 it names under 成都市 and 厦门市.
    List<String> tianjin = texts(translator.translate("天津", true, Set.of()).get(0));
    assertTrue(tianjin.indexOf("tianjin") >= 0 && tianjin.indexOf("tianjin") < tianjin.indexOf("tientsin"), tianjin.toString());
    List<String> chengdu = texts(translator.translate("成都", true, Set.of()).get(0));
    assertTrue(chengdu.indexOf("chengdu") >= 0 && chengdu.indexOf("chengdu") < chengdu.indexOf("chengtu"), chengdu.toString());
    List<String> xiamen = texts(translator.translate("厦门", true, Set.of()).get(0));
    assertTrue(xiamen.indexOf("xiamen") >= 0 && xiamen.indexOf("xiamen") < xiamen.indexOf("amoy"), xiamen.toString());
  }

  @Test
  void aCharacterCutOffADictionaryWordIsNotTranslatedOnItsOwn() {
    // SmartCN cuts 卸载 (uninstall) into 卸 and 载; 载 alone would bring carry, year, load. The
    // word is one concept, its characters searched side by side.
    List<Concept> concepts = translator.translate("卸载文件系统", true, Set.of());
    assertTrue(concepts.stream().noneMatch(c -> c.source().equals("载") || c.source().equals("卸")), concepts.toString());
    Concept xiezai = concepts.stream().filter(c -> c.source().equals("卸载")).findFirst().orElseThrow();
    assertTrue(!xiezai.phrase() && texts(xiezai).contains("uninstall"), xiezai.toString());
    // A word of its own keeps its translations, and so does a character outside any phrase.
    assertTrue(texts(concepts.stream().filter(c -> c.source().equals("文件")).findFirst().orElseThrow()).contains("file"));
    assertTrue(texts(translator.translate("载", true, Set.of()).get(0)).size() > 1);
  }

  @Test
  void aWordCutIntoCharactersInsideALongerPhraseKeepsItsTranslations() {
    // SmartCN cuts 分页程序 (pager) into 分|页|程序; the dictionary knows the whole as "paging
    // routine" and 分页 as page, pagination. 分 and 页 are that word, not characters left
    // untranslated under the longer phrase.
    List<Concept> concepts = translator.translate("分页程序", true, Set.of());
    assertEquals(List.of("分页", "程序", "分页程序"), concepts.stream().map(Concept::source).toList());
    Concept paging = concepts.get(0);
    assertTrue(!paging.phrase() && texts(paging).contains("page"), paging.toString());
    assertTrue(concepts.get(2).phrase() && texts(concepts.get(2)).contains("paging routine"), concepts.get(2).toString());
    String parsed = parser(true).parseQuery("分页程序").toString();
    assertTrue(parsed.contains("body:\"分 页\""), parsed);
  }

  @Test
  void withoutPhrasesEveryWordStandsAlone() {
    LiaisonQueryParser p = parser(true, Ablation.PHRASES);
    p.parseQuery("Belt and Road");
    assertEquals(List.of("Belt", "Road"), p.expansion().stream().map(Concept::source).toList());
  }

  @Test
  void withTranslationOffOnlyTheUsersWordsRemain() {
    LiaisonQueryParser p = parser(false);
    Query q = p.parseQuery("liaison");
    assertTrue(p.expansion().stream().allMatch(c -> c.alternatives().size() == 1));
    assertEquals("(title:liaison)^2.0 body:liaison", q.toString());
  }

  @Test
  void operatorsAndFieldsStillWork() {
    Query q = parser(true).parseQuery("+liaison -title:weather lang:zh");
    BooleanQuery b = assertInstanceOf(BooleanQuery.class, q);
    assertEquals(BooleanClause.Occur.MUST, b.clauses().get(0).occur());
    assertEquals(BooleanClause.Occur.MUST_NOT, b.clauses().get(1).occur());
    String excluded = b.clauses().get(1).query().toString();
    assertTrue(excluded.contains("title:weather") && !excluded.contains("body:"), "a field query stays in its field: " + excluded);
    assertInstanceOf(TermQuery.class, b.clauses().get(2).query());
    assertEquals("lang:zh", b.clauses().get(2).query().toString());
  }

  @Test
  void aQuotedPhraseIsOneConceptWithItsTranslation() {
    LiaisonQueryParser p = parser(true);
    Query q = p.parseQuery("\"economic liaison\"");
    assertEquals(1, p.expansion().size());
    assertTrue(q.toString().contains("\"econom liaison\""), q.toString());
    assertTrue(q.toString().contains("\"经济 联络\""), q.toString());
  }

  @Test
  void wildcardsSearchTitleAndBody() {
    assertEquals("(title:liaiso*)^2.0 body:liaiso*", parser(true).parseQuery("liaiso*").toString());
  }

  @Test
  void malformedQueriesReportThePositionOfTheProblem() {
    QuerySyntaxException open = assertThrows(QuerySyntaxException.class, () -> parser(true).parseQuery("liaison AND ("));
    assertEquals(13, open.position());
    QuerySyntaxException stray = assertThrows(QuerySyntaxException.class, () -> parser(true).parseQuery("a ) b"));
    assertEquals(2, stray.position());
    QuerySyntaxException quote = assertThrows(QuerySyntaxException.class, () -> parser(true).parseQuery("a \"open"));
    assertEquals(2, quote.position());
  }

  @Test
  void aWordBeforeAColonThatNamesNoFieldIsSearchedAsAWord() {
    LiaisonQueryParser p = parser(true);
    String parsed = p.parseQuery("Voice over IP: SIP").toString();
    assertTrue(parsed.contains("body:ip") && parsed.contains("body:sip"), parsed);
    assertTrue(!parsed.contains("IP:"), "no field named IP: " + parsed);
    assertEquals(List.of("Voice", "IP", "SIP"), p.expansion().stream().filter(c -> !c.phrase()).map(Concept::source).toList());
    assertTrue(parser(true).parseQuery("lang:zh").toString().contains("lang:zh"), "real fields still work");
    assertEquals("Examples  ", LiaisonQueryParser.plainPunctuation("Examples: "));
    assertEquals("title:x", LiaisonQueryParser.plainPunctuation("title:x"));
    assertTrue(parser(true).parseQuery("Examples:").toString().contains("body:exampl"), "a word, not an error");
  }

  @Test
  void leadingWildcardsAreRejectedWithTheirPosition() {
    QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> parser(true).parseQuery("*aison"));
    assertEquals(0, e.position());
    assertTrue(e.getMessage().contains("cannot start with"), e.getMessage());
    assertEquals(9, assertThrows(QuerySyntaxException.class, () -> parser(true).parseQuery("economic *")).position());
    assertEquals(6, assertThrows(QuerySyntaxException.class, () -> parser(true).parseQuery("title:*")).position());
    assertEquals(4, assertThrows(QuerySyntaxException.class, () -> parser(true).parseQuery("a b ?x")).position());
  }

  @Test
  void aPrefixAlsoFindsTheWholeWordItSpells() {
    // economic is indexed as econom, which the typed prefix does not reach: the stem as a word.
    String economic = parser(true).parseQuery("body:economic*").toString();
    assertEquals("ConstantScore(body:economic* body:econom)", economic);
    assertEquals(economic, parser(true).parseQuery("body:ECONOMIC*").toString());
    // bus* stems as a plural (bu): as a prefix that would find bug and build.
    assertTrue(!parser(true).parseQuery("body:bus*").toString().contains("bu*"));
    assertEquals("body:econ*", parser(true).parseQuery("body:econ*").toString(), "a prefix its stem starts with: as typed");
    assertEquals("lang:zh*", parser(true).parseQuery("lang:zh*").toString(), "not a text field: as typed");
  }

  @Test
  void aWildcardInsideAWordAlsoSearchesTheStemsOfTheDictionaryWordsItMatches() {
    assertEquals("ConstantScore(body:econom?c body:(econom))", parser(true).parseQuery("body:econom?c").toString());
    assertEquals("ConstantScore(body:organi?ation body:(organ organis))", parser(true).parseQuery("body:organi?ation").toString());
    assertEquals("(ConstantScore(title:econom?c title:(econom)))^2.0 ConstantScore(body:econom?c body:(econom))",
        parser(true).parseQuery("econom?c").toString(), "title and body");
    assertEquals("body:lia?son", parser(true).parseQuery("body:lia?son").toString(), "the pattern already fits the stem: as typed");
    assertEquals("body:zzq?x", parser(true).parseQuery("body:zzq?x").toString(), "no dictionary word: as typed");
    assertEquals("body:经?济", parser(true).parseQuery("body:經?濟").toString(), "Chinese: as typed (folded)");
    assertEquals("lang:z?h", parser(true).parseQuery("lang:z?h").toString(), "not a text field: as typed");
  }

  @Test
  void aWordCutIntoSingleCharactersIsOneConcept() {
    // 軟體 folds to 软体, which SmartCN cuts into 软 and 体; the dictionary knows the whole word.
    List<Concept> concepts = translator.translate("軟體", true, Set.of());
    assertEquals(1, concepts.size(), concepts.toString());
    Concept software = concepts.get(0);
    assertEquals("軟體", software.source());
    assertTrue(!software.phrase(), "a word, not an optional phrase beside its characters");
    assertTrue(software.alternatives().stream().anyMatch(a -> a.text().equals("software")), software.toString());
    String parsed = parser(true).parseQuery("軟體").toString();
    assertTrue(parsed.contains("body:\"软 体\""), parsed);
    // (软件, the mainland's word, is searched in the other pages: a term of its own, not 软.)
    assertTrue(!parsed.matches(".*body:软[\\s)^].*"), "软 is not searched on its own: " + parsed);
    // Words of two characters or more stay as they were: each searched, the phrase optional.
    assertTrue(translator.translate("文件系统", true, Set.of()).stream().anyMatch(Concept::phrase));
  }

  @Test
  void fullWidthLettersAreLookedUpAsHalfWidth() {
    Concept liaison = translator.translate("ｌｉａｉｓｏｎ", true, Set.of()).get(0);
    assertEquals("ｌｉａｉｓｏｎ", liaison.source());
    assertTrue(liaison.alternatives().stream().anyMatch(a -> a.text().equals("联络")), liaison.toString());
    Concept bri = translator.translate("ＢＲＩ", true, Set.of()).get(0);
    assertTrue(bri.alternatives().stream().anyMatch(a -> a.text().equals("一带一路") && a.origin() == Origin.GLOSSARY), bri.toString());
  }

  @Test
  void aCompoundTheDictionaryLacksIsTranslatedByItsParts() {
    // Neither ECDICT nor CC-CEDICT lists 联络部 (a liaison department); SmartCN keeps it one word.
    assertTrue(Lexicon.defaultLexicon().toEnglish("联络部").isEmpty(), "the dictionary does not list 联络部");
    Concept department = translator.translate("对外联络部", true, Set.of()).stream()
        .filter(c -> c.source().equals("联络部")).findFirst().orElseThrow();
    Alternative liaison = department.alternatives().stream().filter(a -> a.text().equals("liaison")).findFirst().orElseThrow();
    assertEquals(Origin.PARTS, liaison.origin());
    assertTrue(liaison.weight() < QueryTranslator.TRANSLATION_SHARE, "a guess weighs less than a listed translation");
    // Guessed renderings spread like listed ones (liaison, contact).
    assertTrue(department.alternatives().stream().filter(a -> a.origin() == Origin.PARTS).count() > 1, department.toString());
    assertTrue(liaison.weight() < QueryTranslator.PARTS_WEIGHT * QueryTranslator.TRANSLATION_SHARE - 1e-4f, department.toString());
  }

  @Test
  void anEnglishCompoundIsTranslatedAndSearchedInItsOtherSpelling() {
    // The dictionary lists metadata (元数据) but not "meta data": the phrase takes the closed form's.
    assertTrue(Lexicon.defaultLexicon().toChinese("meta data").isEmpty(), "the dictionary does not list meta data");
    Concept metaData = translator.translate("archive meta data", true, Set.of()).stream()
        .filter(c -> c.source().equals("meta data")).findFirst().orElseThrow();
    assertTrue(metaData.phrase());
    assertTrue(metaData.alternatives().stream().anyMatch(a -> a.text().equals("元数据") && a.origin() == Origin.DICTIONARY),
        metaData.toString());
    // The user's English words are searched as typed, not in their other spelling.
    assertTrue(metaData.alternatives().stream().noneMatch(a -> a.text().equals("metadata")), metaData.toString());

    // 元数据's translation is searched as metadata and as meta data, at one weight.
    Concept yuanShuJu = translator.translate("档案库元数据", true, Set.of()).stream()
        .filter(c -> c.source().equals("元数据")).findFirst().orElseThrow();
    Alternative closed = yuanShuJu.alternatives().stream().filter(a -> a.text().equals("metadata")).findFirst().orElseThrow();
    Alternative open = yuanShuJu.alternatives().stream().filter(a -> a.text().equals("meta data")).findFirst().orElseThrow();
    assertEquals(Origin.DICTIONARY, closed.origin());
    assertEquals(Origin.SPELLING, open.origin());
    assertEquals(closed.weight(), open.weight(), 1e-6f);
  }

  @Test
  void aHyphenatedCompoundIsTranslatedWhole() {
    // The analyzer cuts front-end into front and end; the dictionary lists the compound (前端).
    Concept frontEnd = translator.translate("installer front-end", true, Set.of()).stream()
        .filter(c -> c.source().equals("front-end")).findFirst().orElseThrow();
    assertTrue(frontEnd.phrase());
    assertTrue(frontEnd.alternatives().stream().anyMatch(a -> a.text().equals("前端") && a.origin() == Origin.DICTIONARY),
        frontEnd.toString());
    // In lower case too, though ECDICT writes E-MAIL: a compound is no acronym typed as a name.
    Concept email = translator.translate("send e-mail", true, Set.of()).stream()
        .filter(c -> c.source().equals("e-mail")).findFirst().orElseThrow();
    assertTrue(email.alternatives().stream().anyMatch(a -> a.text().equals("电子邮件")), email.toString());
    // A compound the dictionary lists open only: its open form's translations.
    assertTrue(Lexicon.defaultLexicon().toChinese("boot-loader").isEmpty(), "the dictionary does not list boot-loader");
    Concept bootLoader = translator.translate("boot-loader", true, Set.of()).stream()
        .filter(c -> c.source().equals("boot-loader")).findFirst().orElseThrow();
    assertTrue(bootLoader.alternatives().stream().anyMatch(a -> a.text().equals("引导程序")), bootLoader.toString());
  }

  @Test
  void aSecondSpellingIsNotASecondRendering() {
    Alternative metadata = new Alternative("metadata", 1f, Origin.DICTIONARY, List.of());
    float alone = QueryTranslator.spread(List.of(metadata));
    assertEquals(alone, QueryTranslator.spread(List.of(metadata, new Alternative("meta data", 1f, Origin.SPELLING, List.of()))));
    assertTrue(QueryTranslator.spread(List.of(metadata, new Alternative("data", 1f, Origin.DICTIONARY, List.of()))) < alone);
  }

  @Test
  void aBareTildeAllowsTheEditsTheWordsLengthBears() {
    assertEquals(Set.of(0), maxEdits("经济~"), "a two-character word: as typed");
    assertEquals(Set.of(1), maxEdits("cat~"));
    assertEquals(Set.of(1), maxEdits("liaso~"));
    assertEquals(Set.of(2), maxEdits("liason~"));
    assertEquals(Set.of(2), maxEdits("cat~2"), "a number is taken as typed");
    assertEquals(Set.of(1), maxEdits("经济~1"));
  }

  /** The edit distances of the fuzzy queries {@code query} parses to. */
  private static Set<Integer> maxEdits(String query) {
    Set<Integer> edits = new java.util.HashSet<>();
    parser(true).parseQuery(query).visit(new org.apache.lucene.search.QueryVisitor() {
      @Override
      public void consumeTermsMatching(Query q, String field,
          java.util.function.Supplier<org.apache.lucene.util.automaton.ByteRunAutomaton> automaton) {
        if (q instanceof org.apache.lucene.search.FuzzyQuery f) {
          edits.add(f.getMaxEdits());
        }
      }

      @Override
      public org.apache.lucene.search.QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
        return this;
      }
    });
    assertTrue(!edits.isEmpty(), "a fuzzy query: " + query);
    return edits;
  }

  @Test
  void typographicQuotesThatPairUpQuoteAPhrase() {
    assertEquals("\"经济联络\"", LiaisonQueryParser.plainPunctuation("“经济联络”"), "a Simplified input method's quotes");
    assertEquals("\"經濟聯絡\" 中心", LiaisonQueryParser.plainPunctuation("「經濟聯絡」 中心"), "a Traditional one's");
    assertEquals("\"a\" \"b\" \"c d\"", LiaisonQueryParser.plainPunctuation("『a』 ＂b＂ “c d”"));
    assertEquals("“economic liaison", LiaisonQueryParser.plainPunctuation("“economic liaison"), "a lone mark is punctuation");
    assertEquals("”reversed“", LiaisonQueryParser.plainPunctuation("”reversed“"));
    assertEquals("“a」", LiaisonQueryParser.plainPunctuation("“a」"), "marks of two kinds do not pair");
    assertEquals("“ ”", LiaisonQueryParser.plainPunctuation("“ ”"), "nothing quoted");
    assertEquals("\"a “b” c\"", LiaisonQueryParser.plainPunctuation("\"a “b” c\""), "inside the syntax's quotes");
    assertEquals("“a \"b” c\"", LiaisonQueryParser.plainPunctuation("“a \"b” c\""), "a syntax quote between");
    assertEquals("\\“a”", LiaisonQueryParser.plainPunctuation("\\“a”"), "escaped");
    assertEquals("\"a\\” b\"", LiaisonQueryParser.plainPunctuation("“a\\” b”"), "an escaped closing mark is text");

    assertEquals(parser(true).parseQuery("\"经济联络\"").toString(), parser(true).parseQuery("“经济联络”").toString());
    assertEquals(parser(true).parseQuery("\"經濟聯絡\"").toString(), parser(true).parseQuery("「經濟聯絡」").toString());
    assertEquals(parser(true).parseQuery("\"economic liaison\"").toString(),
        parser(true).parseQuery("“economic liaison”").toString(), "a word processor's quotes");
    assertNotEquals(parser(true).parseQuery("economic liaison").toString(), parser(true).parseQuery("“economic liaison”").toString());
    assertEquals(parser(true).parseQuery("economic liaison").toString(), parser(true).parseQuery("“economic liaison").toString(),
        "a lone mark changes nothing and is no error");
    QuerySyntaxException after = assertThrows(QuerySyntaxException.class, () -> parser(true).parseQuery("“经济” AND"));
    assertEquals(assertThrows(QuerySyntaxException.class, () -> parser(true).parseQuery("\"经济\" AND")).position(), after.position(),
        "positions count what was typed");
  }

  @Test
  void aQuestionMarkAfterAWordEndsTheQuestion() {
    assertEquals("put a package on hold ", LiaisonQueryParser.plainPunctuation("put a package on hold?"));
    assertEquals("why  then", LiaisonQueryParser.plainPunctuation("why? then"));
    assertEquals("te?t", LiaisonQueryParser.plainPunctuation("te?t"), "inside a word it is a wildcard");
    assertEquals("hold\\?", LiaisonQueryParser.plainPunctuation("hold\\?"), "escaped");
    assertEquals("\"on hold?\"", LiaisonQueryParser.plainPunctuation("\"on hold?\""), "quoted");
    assertEquals("  alone", LiaisonQueryParser.plainPunctuation("? alone"), "a question mark standing alone");
    assertEquals("CECC  ", LiaisonQueryParser.plainPunctuation("CECC??"));
    assertEquals("CECC  ", LiaisonQueryParser.plainPunctuation("CECC?!"));
    assertEquals("what is CECC   ", LiaisonQueryParser.plainPunctuation("what is CECC ?!"));
    assertEquals("(is it CECC )", LiaisonQueryParser.plainPunctuation("(is it CECC?)"), "before a closing bracket");
    assertEquals("great ", LiaisonQueryParser.plainPunctuation("great!"));
    assertEquals("!draft", LiaisonQueryParser.plainPunctuation("!draft"), "NOT before a word");
    assertEquals("?alone", LiaisonQueryParser.plainPunctuation("?alone"), "a leading wildcard, rejected later");

    LiaisonQueryParser p = new LiaisonQueryParser(analyzer, translator, true, Set.of(), 2f);
    String parsed = p.parseQuery("how do I put a package on hold?").toString();
    assertTrue(!parsed.contains("hold?"), parsed);
    assertTrue(p.expansion().stream().anyMatch(c -> c.source().equals("hold") && c.alternatives().size() > 1),
        "hold is translated: " + p.expansion());
  }

  @Test
  void aSlashInsideAWordOrStandingAloneSeparatesWords() {
    assertEquals("member Debian developer", LiaisonQueryParser.plainPunctuation("member/Debian developer"));
    assertEquals("TCP IP", LiaisonQueryParser.plainPunctuation("TCP/IP"));
    assertEquals("中联部   ILD", LiaisonQueryParser.plainPunctuation("中联部 / ILD"));
    assertEquals("and or ", LiaisonQueryParser.plainPunctuation("and/or/"));
    assertEquals("/joh?n/ x", LiaisonQueryParser.plainPunctuation("/joh?n/ x"), "a closed regular expression stays one");
    assertEquals("\\/usr \"a/b\"", LiaisonQueryParser.plainPunctuation("\\/usr \"a/b\""), "escaped and quoted slashes stay");
    assertEquals(" usr", LiaisonQueryParser.plainPunctuation("/usr"), "a slash that opens nothing it closes");

    LiaisonQueryParser p = new LiaisonQueryParser(analyzer, translator, true, Set.of(), 2f);
    p.parseQuery("How can I become a Debian member/Debian developer?");
    assertTrue(p.expansion().stream().anyMatch(c -> c.source().equals("member")), "member is a word: " + p.expansion());
    assertTrue(p.expansion().stream().anyMatch(c -> c.source().equals("developer")), "so is developer: " + p.expansion());
    assertTrue(parser(true).parseQuery("/liais.n/").toString().contains("/liais.n/"), "regular expressions still work");
  }

  @Test
  void aPossessiveIsTranslatedAsItsWord() {
    Concept user = translator.translate("print the user's login name", true, Set.of()).stream()
        .filter(c -> c.source().equals("user's")).findFirst().orElseThrow();
    assertTrue(user.alternatives().stream().anyMatch(a -> a.text().equals("用户")), user.toString());
    Concept users = translator.translate("the users' files", true, Set.of()).stream()
        .filter(c -> c.source().equals("users'") || c.source().equals("users")).findFirst().orElseThrow();
    assertTrue(users.alternatives().size() > 1, users.toString());
  }

  @Test
  void inALongChineseQueryEnglishTranslationsTogetherCountAsThoseOfTwelveWords() {
    Concept alone = translator.translate("软件", true, Set.of()).get(0);
    String sixteen = "软件 网络 文件 目录 用户 权限 进程 内存 磁盘 配置 服务 端口 协议 密码 日志 终端";
    List<Concept> concepts = translator.translate(sixteen, true, Set.of());
    long words = concepts.stream().filter(c -> !c.phrase()).count(); // SmartCN splits a few of them
    assertTrue(words >= 16, concepts.toString());
    Concept inLong = concepts.stream().filter(c -> c.source().equals("软件") && !c.phrase()).findFirst().orElseThrow();
    Alternative software = alone.alternatives().stream().filter(a -> a.text().equals("software")).findFirst().orElseThrow();
    Alternative softwareInLong = inLong.alternatives().stream().filter(a -> a.text().equals("software")).findFirst().orElseThrow();
    assertEquals(software.weight() * QueryTranslator.CROSS_SCRIPT_WORDS / words, softwareInLong.weight(), 1e-6f);
    // The Chinese alternatives (the Taiwan form) and the word itself keep their weights.
    Alternative taiwan = alone.alternatives().stream().filter(a -> a.text().equals("软体")).findFirst().orElseThrow();
    assertTrue(inLong.alternatives().contains(taiwan), inLong.toString());
    assertEquals(1f, inLong.alternatives().get(0).weight());
    // Twelve words or fewer: nothing changes.
    Concept inShort = translator.translate("软件 网络 文件 目录", true, Set.of()).get(0);
    assertEquals(alone.alternatives(), inShort.alternatives());
  }

  @Test
  void proximityIsLeftOutRatherThanTakeAQueryOfSeveralRunsPastTheClauseLimit() {
    String run = "the kernel module loads the device driver and mounts the file system before the network service"
        + " starts the daemon process that reads the configuration file and writes the log message";
    LiaisonQueryParser one = parser(true);
    Query single = one.parseQuery("(" + run + ")");
    assertTrue(proximityCount(single) > 0, "one run keeps its proximity");
    LiaisonQueryParser p = parser(true);
    Query q = p.parseQuery("(" + run + ") (" + run + ") (" + run + ") (" + run + ")");
    assertTrue(ConceptProximity.clauses(q) <= IndexSearcher.getMaxClauseCount(), String.valueOf(ConceptProximity.clauses(q)));
    assertEquals(0, proximityCount(q), "proximity dropped, the words kept");
    assertTrue(4 * ConceptProximity.clauses(single) > IndexSearcher.getMaxClauseCount(), "the four runs with proximity would not fit");
    // First to go are the Taiwan forms' own branch for Traditional pages (file: 文件, 档案): they
    // are then searched in every page, with fewer clauses.
    assertTrue(searchesScript(single), "one run searches its Taiwan forms in Traditional pages only");
    assertTrue(!searchesScript(q), "four runs search them everywhere");
    // The expansion is the last parse's, told once: each run's concepts, not the first parse's as well.
    assertEquals(4 * one.expansion().size(), p.expansion().size(), "the expansion is the query's, told once");
  }

  @Test
  void aQueryThatFitsOnlyWithoutItsTaiwanFormsSplitByScriptKeepsItsProximity() {
    // Three runs: with the split they pass the limit, without it they fit with their proximity.
    String run = "the kernel module loads the device driver and mounts the file system before the network service"
        + " starts the daemon process that reads the configuration file and writes the log message";
    LiaisonQueryParser p = parser(true);
    Query q = p.parseQuery("(" + run + ") (" + run + ") (the kernel loads the driver)");
    assertTrue(ConceptProximity.clauses(q) <= IndexSearcher.getMaxClauseCount(), String.valueOf(ConceptProximity.clauses(q)));
    assertTrue(!searchesScript(q));
    assertTrue(proximityCount(q) > 0, "proximity kept: it is worth more than the split");
    // A factory that cannot drop the split (the default) has to drop the proximity instead.
    ConceptQueryBuilder split = new ConceptQueryBuilder(analyzer, Set.of(), 2f);
    ConceptQueryFactory splitOnly = new ConceptQueryFactory() {
      @Override
      public Query build(List<String> fields, Concept concept, int slop) {
        return split.build(fields, concept, slop);
      }

      @Override
      public List<Query> proximity(List<String> fields, List<Concept> concepts) {
        return split.proximity(fields, concepts);
      }
    };
    Query withSplit = new LiaisonQueryParser(analyzer, translator, true, Set.of(), 2f, splitOnly)
        .parseQuery("(" + run + ") (" + run + ") (the kernel loads the driver)");
    assertTrue(searchesScript(withSplit));
    assertEquals(0, proximityCount(withSplit), "with the split, the proximity does not fit");
  }

  /** Whether {@code q} holds a clause on the page's script ({@link Fields#SCRIPT}). */
  private static boolean searchesScript(Query q) {
    Set<org.apache.lucene.index.Term> terms = new java.util.HashSet<>();
    q.visit(org.apache.lucene.search.QueryVisitor.termCollector(terms));
    return terms.stream().anyMatch(t -> t.field().equals(Fields.SCRIPT));
  }

  private static int proximityCount(Query q) {
    int[] n = new int[1];
    q.visit(new org.apache.lucene.search.QueryVisitor() {
      @Override
      public org.apache.lucene.search.QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        if (ConceptProximity.isProximity(parent)) {
          n[0]++;
        }
        return this;
      }
    });
    return n[0];
  }
}
