package io.liaison.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.lexicon.CedictReader.Gloss;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CC-CEDICT's definitions cleaned into search targets, and blended into the compiled lexicon. */
class CedictReaderTest {

  @Test
  void definitionsAreSplitAndCleanedIntoSearchTargets() {
    List<Gloss> glosses = CedictReader.glosses(List.of(
        "to register; to log in",
        "(computing) to mount",
        "surname Gua",
        "variant of 掛|挂[gua4]",
        "CL:個|个[ge4]",
        "see 登記|登记[deng1 ji4]",
        "a card (e.g. for membership)",
        "the number you call for help in an emergency",
        "to register",
        "united front (abbr. for 統一戰線|统一战线[tong3 yi1 zhan4 xian4])",
        "fig. low point",
        "lit. to eat vinegar",
        "(typography) em",
        "to serve sb right",
        "to see through",
        "variant of 挂",
        "old name of 北京[Bei3 jing1]",
        "abbr. for referendum"));
    assertEquals(List.of(
        new Gloss("register", false),
        new Gloss("log in", false),
        new Gloss("mount", true),
        new Gloss("card", false),
        new Gloss("united front", false),
        new Gloss("low point", false),
        new Gloss("see through", false),
        new Gloss("referendum", false)), glosses);
  }

  @Test
  void readsEntriesInOrderAndJoinsHeadwordsListedTwice() throws IOException {
    String json = """
        [{"traditional":"掛載","simplified":"挂载","pinyin":"gua4 zai4","english":["(computing) to mount"]},
         {"traditional":"3C","simplified":"3C","pinyin":"san1 C","english":["consumer electronics"]},
         {"traditional":"行","simplified":"行","pinyin":"hang2","english":["row","line"]},
         {"traditional":"行","simplified":"行","pinyin":"xing2","english":["to walk","row"],"extra":{"x":[1]}},
         {"traditional":"意","simplified":"意","pinyin":"Yi4","english":["Italy"]},
         {"traditional":"意","simplified":"意","pinyin":"yi4","english":["idea","wish"]},
         {"traditional":"某","simplified":"某","pinyin":"mou3","english":["surname Mou"]}]
        """;
    Map<String, List<Gloss>> entries = CedictReader.read(new StringReader(json));
    assertEquals(List.of("挂载", "行", "意"), List.copyOf(entries.keySet()), "not Han, or nothing left: no entry");
    assertEquals(List.of(new Gloss("mount", true)), entries.get("挂载"));
    assertEquals(List.of("row", "line", "walk"), entries.get("行").stream().map(Gloss::english).toList());
    assertEquals(List.of("idea", "wish", "italy"), entries.get("意").stream().map(Gloss::english).toList(),
        "a proper noun's reading after the common ones");
  }

  @Test
  void aProperNounLeadsWithTheNameItsDefinitionOpensWithOrItsFullFormsName() throws IOException {
    String json = """
        [{"traditional":"天津","simplified":"天津","pinyin":"Tian1 jin1","english":["Tianjin municipality (abbr. to 津[Jin1])"]},
         {"traditional":"成都","simplified":"成都","pinyin":"Cheng2 du1","english":["see 成都市[Cheng2 du1 Shi4]"]},
         {"traditional":"成都市","simplified":"成都市","pinyin":"Cheng2 du1 Shi4","english":["Chengdu, sub-provincial city and capital of Sichuan Province 四川省[Si4 chuan1 Sheng3]"]},
         {"traditional":"香港","simplified":"香港","pinyin":"Xiang1 gang3","english":["Hong Kong, special administrative region (SAR) of the PRC"]},
         {"traditional":"元朝","simplified":"元朝","pinyin":"Yuan2 chao2","english":["Yuan dynasty (1279-1368)"]},
         {"traditional":"京","simplified":"京","pinyin":"Jing1","english":["Beijing"]},
         {"traditional":"意","simplified":"意","pinyin":"Yi4","english":["Italy"]},
         {"traditional":"意","simplified":"意","pinyin":"yi4","english":["idea"]},
         {"traditional":"北極星","simplified":"北极星","pinyin":"Bei3 ji2 xing1","english":["Polaris","North Star"]},
         {"traditional":"登記","simplified":"登记","pinyin":"deng1 ji4","english":["see 登錄|登录[deng1 lu4]"]}]
        """;
    Map<String, List<Gloss>> entries = CedictReader.read(new StringReader(json));
    assertEquals(List.of(new Gloss("tianjin", false, true), new Gloss("tianjin municipality", false)), entries.get("天津"),
        "the pinyin before a descriptor is the name");
    assertEquals(List.of(new Gloss("chengdu", false, true)), entries.get("成都"), "a fuller form's name is the entry's");
    assertEquals(new Gloss("chengdu", false, true), entries.get("成都市").get(0));
    assertEquals(new Gloss("hong kong", false, true), entries.get("香港").get(0));
    assertEquals(new Gloss("polaris", false, true), entries.get("北极星").get(0));
    // Yuan alone is not the name of "Yuan dynasty"; a one-character name abbreviates one; a word
    // with a common reading is that word first; a common word's reference is no name.
    assertEquals(List.of(new Gloss("yuan dynasty", false)), entries.get("元朝"));
    assertEquals(List.of(new Gloss("beijing", false)), entries.get("京"));
    assertTrue(entries.get("意").stream().noneMatch(Gloss::name), entries.get("意").toString());
    assertEquals(null, entries.get("登记"));
  }

  @Test
  void aProperNounsNameLeadsItsEnglishBeforeAnOlderSpellingTheFrequencyListsRank() throws IOException {
    // Shaped like ECDICT's rows: the old postal spelling is ranked, the pinyin is not.
    String csv = LexiconCompilerTest.HEADER
        + "Tientsin,,,n. 天津,,,,,27000,0,,,\n"
        + "tianjin,,,n. 天津（中国一城市）,,,,,0,0,,,\n"
        + "chengtu,,,n. 成都,,,,,26000,0,,,\n"
        + "chengdu,,,n. 成都市（中国四川省省会）,,,,,0,0,,,\n";
    Map<String, List<Gloss>> cedict = Map.of(
        "天津", List.of(new Gloss("tianjin", false, true), new Gloss("tianjin municipality", false)),
        "成都", List.of(new Gloss("chengdu", false, true)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LexiconCompiler.compile(new StringReader(csv), cedict, out);
    Lexicon lexicon = Lexicon.load(new ByteArrayInputStream(out.toByteArray()));
    assertEquals(List.of("tianjin", "tientsin"), texts(lexicon.toEnglish("天津")));
    assertEquals(List.of("chengdu", "chengtu"), texts(lexicon.toEnglish("成都")));
    // The name that spells the place's pinyin finds it the other way too, not only 成都市.
    assertTrue(texts(lexicon.toChinese("chengdu")).containsAll(List.of("成都市", "成都")), lexicon.toChinese("chengdu").toString());

    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    // What the reader gave before it knew names: a descriptor ECDICT has no headword for, and
    // nothing for a reference.
    LexiconCompiler.compile(new StringReader(csv), Map.of("天津", List.of(new Gloss("tianjin municipality", false))), plain);
    Lexicon unnamed = Lexicon.load(new ByteArrayInputStream(plain.toByteArray()));
    assertEquals("tientsin", unnamed.toEnglish("天津").get(0).text(), "without the name the ranked spelling leads");
    assertEquals("chengtu", unnamed.toEnglish("成都").get(0).text());
    assertEquals(List.of("成都市"), texts(unnamed.toChinese("chengdu")));
  }

  @Test
  void aCommonEnglishWordStaysInTheListOfItsFirstChineseTranslation() throws IOException {
    // 项目 is the first sense of item, a very common word, and of undertaking, a less common one:
    // turned around, undertaking weighed under the floor of 项目's list, though 项目 is what it
    // means first (so it was with project: 项目 gave item alone).
    String csv = LexiconCompilerTest.HEADER
        + "item,,,\"n. 项目, 条款, 一则\",,,,,500,500,,,\n"
        + "undertaking,,,\"n. 项目, 事业, 任务, 保证\",,,,,15000,15000,,,\n"
        + "pedagogue,,,\"n. 项目, 教师\",,,,,25000,0,,,\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LexiconCompiler.compile(new StringReader(csv), Map.of(), out);
    Lexicon lexicon = Lexicon.load(new ByteArrayInputStream(out.toByteArray()));
    assertEquals("项目", lexicon.toChinese("undertaking").get(0).text());
    List<String> xiangmu = texts(lexicon.toEnglish("项目"));
    assertEquals("item", xiangmu.get(0));
    assertTrue(xiangmu.contains("undertaking"), lexicon.toEnglish("项目").toString());
    // Not a word past the common ranks whose first sense it is too.
    assertTrue(!xiangmu.contains("pedagogue"), xiangmu.toString());
  }

  @Test
  void somethingOtherThanAnArrayIsRefused() {
    IOException e = assertThrows(IOException.class, () -> CedictReader.read(new StringReader("{\"a\":1}")));
    assertTrue(e.getMessage().contains("array"), e.getMessage());
  }

  @Test
  void itsGlossesLeadTheChineseToEnglishDirection() throws IOException {
    String csv = LexiconCompilerTest.HEADER
        + "mount,,,\"n. 山, 乘骑用马\\nvt. 安装, 爬上\",,,,cet4,3000,3000,,,\n"
        + "register,,,\"n. 登记簿\\nvt. 登记, 注册\",,,,cet4,2500,2500,,,\n"
        + "log in,,,\"v. 注册\",,,,,0,0,,,\n"
        + "privilege,,,n. 特权,,,,,3000,3000,s:privileges,,\n"
        + "whole-body,,,a. 全身的,,,,,0,0,,,\n"
        + "center,,,n. 中心,,,,,800,800,,,\n"
        + "core,,,\"n. 核心, 中心\",,,,,1500,1500,,,\n"
        + "screen,,,\"n. 银幕, 屏风, 幕, 屏幕\",,,,,3000,3000,,,\n";
    Map<String, List<Gloss>> cedict = Map.of(
        "挂载", List.of(new Gloss("mount", true), new Gloss("xyzzy", false)),
        "登录", List.of(new Gloss("register", false), new Gloss("log in", false)),
        "权限", List.of(new Gloss("privileges", false)),
        "全身", List.of(new Gloss("whole body", false)),
        "中心", List.of(new Gloss("heart of the matter", false), new Gloss("core", false)),
        "屏幕", List.of(new Gloss("screen", false), new Gloss("monitor", false)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LexiconCompiler.compile(new StringReader(csv), cedict, out);
    Lexicon lexicon = Lexicon.load(new ByteArrayInputStream(out.toByteArray()));

    // Chinese words ECDICT never lists get CC-CEDICT's English; a gloss ECDICT lacks is dropped.
    assertEquals(List.of("mount"), texts(lexicon.toEnglish("挂载")));
    assertEquals(List.of("register", "log in"), texts(lexicon.toEnglish("登录")));
    // An inflected gloss is its lemma's; a space where ECDICT has a hyphen still finds it.
    assertEquals(List.of("privilege"), texts(lexicon.toEnglish("权限")));
    assertEquals(List.of("whole-body"), texts(lexicon.toEnglish("全身")));
    // CC-CEDICT's first sense, which ECDICT lacks, keeps its share: its second does not take it all.
    assertEquals("center", lexicon.toEnglish("中心").get(0).text(), lexicon.toEnglish("中心").toString());
    assertTrue(texts(lexicon.toEnglish("中心")).contains("core"));

    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    LexiconCompiler.compile(new StringReader(csv), plain);
    Lexicon ecdictOnly = Lexicon.load(new ByteArrayInputStream(plain.toByteArray()));
    assertEquals(List.of(), ecdictOnly.toEnglish("挂载"));
    // English words keep ECDICT's senses (turned around, CC-CEDICT is as noisy as ECDICT is),
    // except that a specialist's gloss joins at the second place, as an ECDICT subject line does.
    assertEquals(ecdictOnly.toChinese("register"), lexicon.toChinese("register"));
    assertTrue(texts(lexicon.toChinese("register")).stream().noneMatch(t -> t.equals("登录")));
    // A translation ECDICT lists gains where it is the English word's first CC-CEDICT gloss.
    assertEquals(1.25f, share(lexicon, "screen", "屏幕") / share(ecdictOnly, "screen", "屏幕"), 0.01f,
        lexicon.toChinese("screen") + " against " + ecdictOnly.toChinese("screen"));
    List<String> mount = texts(lexicon.toChinese("mount"));
    // Second before agreement, which then lifts the senses whose own English is mount.
    assertTrue(mount.indexOf("挂载") >= 1 && mount.indexOf("挂载") <= 2, mount.toString());
    assertEquals(texts(ecdictOnly.toChinese("mount")), mount.stream().filter(t -> !t.equals("挂载")).toList());
  }

  /** The translation's weight relative to the first one's. */
  private static float share(Lexicon lexicon, String english, String chinese) {
    List<Translation> list = lexicon.toChinese(english);
    return list.stream().filter(t -> t.text().equals(chinese)).findFirst().orElseThrow().weight() / list.get(0).weight();
  }

  private static List<String> texts(List<Translation> translations) {
    return translations.stream().map(Translation::text).toList();
  }
}
