package io.liaison.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trip of compiler and loader on a tiny synthetic ECDICT. */
class LexiconCompilerTest {
  static final String HEADER =
      "word,phonetic,definition,translation,pos,collins,oxford,tag,bnc,frq,exchange,detail,audio\n";

  static final String CSV =
      HEADER
          + "liaison,x,\"a channel\nfor communication\",n. 联络,,1,,toefl,5309,8208,s:liaisons,,\n"
          + "liaisons,,,n. 联络人（liaison的复数）,,,,,0,0,0:liaison/1:s,,\n"
          + "economic,,,\"a. 经济上的, 实用的, 节省的\\n[经] 经济的\\n[网络] 经济学\",,5,1,cet4,402,453,,,\n"
          + "economy,,,\"n. 经济, 节约\",,,,cet4,1200,900,,,\n"
          + "international trade,,,[经] 国际贸易,,,,,0,0,,,\n"
          + "Silk Road,,,丝绸之路,,,,,0,0,,,\n"
          + "abc,,,abbr. American Broadcasting Company 美国广播公司,,,,,0,0,,,\n"
          + "x-ray,,,\"n. X光; (医)射线\",,,,,0,0,,,\n"
          + "web only,,,[网络] 网上词,,,,,0,0,,,\n"
          + "quote,,,\"n. \"\"引语\"\"\",,,,,0,0,,,\n"
          + "12th,,,第十二,,,,,0,0,,,\n";

  static Lexicon compile(String csv) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LexiconCompiler.compile(new StringReader(csv), out);
    return Lexicon.load(new ByteArrayInputStream(out.toByteArray()));
  }

  @Test
  void roundTripsASyntheticDictionary() throws IOException {
    Lexicon lexicon = compile(CSV);
    List<String> liaison = lexicon.toChinese("liaison").stream().map(Translation::text).toList();
    assertEquals(List.of("联络", "联络人"), liaison, "the plural's own sense follows the lemma's");
    assertEquals(lexicon.toChinese("liaison"), lexicon.toChinese("LIAISONS"));

    List<String> economic = lexicon.toChinese("economic").stream().map(Translation::text).toList();
    assertEquals("经济", economic.get(0));
    assertTrue(economic.containsAll(List.of("实用", "节省")), economic.toString());
    assertTrue(!economic.contains("经济学"), "web sense dropped when curated ones exist");

    assertEquals("国际贸易", lexicon.toChinese("international trade").get(0).text());
    assertEquals("丝绸之路", lexicon.toChinese("silk road").get(0).text());
    assertEquals(List.of(), lexicon.toChinese("abc"), "abbreviation lines are dropped");
    assertEquals("射线", lexicon.toChinese("x-ray").get(0).text());
    assertEquals("引语", lexicon.toChinese("quote").get(0).text());
    assertEquals(List.of(), lexicon.toChinese("12th"));

    // Web-only entries keep a total weight below one.
    assertEquals(0.3f, lexicon.toChinese("web only").get(0).weight(), 1e-3f);

    List<String> jingji = english(lexicon, "经济");
    assertTrue(jingji.containsAll(List.of("economic", "economy")), jingji.toString());
    assertEquals("international trade", lexicon.toEnglish("国际贸易").get(0).text());
    assertEquals(2, lexicon.longestEnglishPhrase());
    assertEquals(4, lexicon.longestChineseEntry());
  }

  @Test
  void theSoundOfOneCharacterIsNotATranslationButACitysNameIsAndUnrankedNamesLoseToCommonWords() throws IOException {
    Lexicon lexicon = compile(HEADER
        + "zhong,,,n. 中,,,,,0,0,,,\n"
        + "medium,,,\"n. 中, 媒介\",,,,,3000,3000,,,\n"
        + "package,,,\"n. 包裹, 软件包\",,,,,2000,2000,,,\n"
        + "VisiCalc,,,n. 软件包,,,,,0,0,,,\n"
        + "DOC,,,n. 通信部,,,,,0,0,,,\n"
        + "guangzhou,,,n. 广州（广东省省会）,,,,,0,0,,,\n"
        + "Beijing,,,[经] 北京,,,,,9384,0,,,\n"
        + "chungking,,,n. 重庆,,,,,0,0,,,\n"
        + "hongkong,,,n. 香港,,,,,27653,0,,,\n"
        + "Xianggang,,,香港(亦作Hong Kong 或Hongkong),,,,,0,0,,,\n"
        + "Chongqing,,,重庆(中国最大的直辖市),,,,,0,0,,,\n");
    assertEquals(List.of("medium"), english(lexicon, "中"),
        "zhong only spells 中 in pinyin");
    // A city's English name is its pinyin: the name, not a sound.
    assertEquals(List.of("guangzhou"), english(lexicon, "广州"));
    assertEquals(List.of("beijing"), english(lexicon, "北京"));
    // However rare the frequency lists make the pinyin, as an unranked proper noun.
    assertEquals(List.of("chongqing", "chungking"), lexicon.toEnglish("重庆").stream().map(Translation::text).sorted().toList());
    // Unless English has a name of its own that the frequency lists rank.
    assertEquals(List.of("hongkong"), english(lexicon, "香港"));
    assertEquals("package", lexicon.toEnglish("软件包").get(0).text(), "an unranked product name does not win");
    assertTrue(lexicon.isAcronymOnly("doc"));
    assertTrue(lexicon.isAcronymOnly("DOC"));
    assertTrue(!lexicon.isAcronymOnly("package"));
  }

  @Test
  void aNameLineGivesItsTransliterationsButNeitherTheWordPersonNameNorALoneCharacter() throws IOException {
    // Shaped like ECDICT's rows for names: "人名" (personal name) labels the line, and a surname
    // transliterated by a single character (法: 内) is a sound, not the character's meaning.
    Lexicon lexicon = compile(HEADER
        + "Nez,,,\"n. (Nez)人名；(法)内；(西)内斯\",,,,,13644,0,,,\n"
        + "sode,,,n. (Sode)人名；(日)外(姓),,,,,0,0,,,\n"
        + "Lakato,,,人名；(意)拉卡托,,,,,0,0,,,\n"
        + "hudibras,,,n. 人名,,,,,0,0,,,\n"
        + "Smith,,,\"n. 铁匠\\n[人名] [英格兰人姓氏] 史密斯; 史\",,,,,3000,3000,,,\n"
        + "inside,,,\"n. 内部\\na. 内部的\",,,,,900,900,,,\n");
    assertEquals(List.of("内斯"), lexicon.toChinese("nez").stream().map(Translation::text).toList());
    assertEquals(List.of(), lexicon.toChinese("sode"));
    assertEquals(List.of("拉卡托"), lexicon.toChinese("lakato").stream().map(Translation::text).toList());
    assertEquals(List.of(), lexicon.toChinese("hudibras"));
    assertEquals("铁匠", lexicon.toChinese("smith").get(0).text());
    assertEquals(List.of(), lexicon.toEnglish("史"), "a surname's one-character spelling is no translation");
    assertEquals("smith", lexicon.toEnglish("史密斯").get(0).text());
    assertEquals(List.of(), lexicon.toEnglish("人名"));
    assertEquals(List.of(), lexicon.toEnglish("内"), "内 is no translation of Nez");
    assertEquals(List.of(), lexicon.toEnglish("外"));
  }

  @Test
  void anEnglishPhraseWithAStandInIsNoEnglishForTheChineseWord() throws IOException {
    // Shaped like ECDICT's idiom rows: "sb", "sth" and "one's" stand in for words a text fills in.
    Lexicon lexicon = compile(HEADER
        + "turn sb in,,,告发,,,,,0,0,,,\n"
        + "inform,,,\"vt. 通知, 告发\",,,,,3000,3000,,,\n"
        + "make an example of sb,,,惩一儆百,,,,,0,0,,,\n"
        + "look sth up,,,查检,,,,,0,0,,,\n"
        + "check,,,n. 检查; 查检,,,,,1000,1000,,,\n");
    assertEquals(List.of("inform"), english(lexicon, "告发"));
    assertEquals(List.of("check"), english(lexicon, "查检"));
    assertEquals(List.of(), lexicon.toEnglish("惩一儆百"), "its only English was a stand-in phrase");
    // The English phrase keeps its Chinese.
    assertEquals(List.of("告发"), lexicon.toChinese("turn sb in").stream().map(Translation::text).toList());
  }

  @Test
  void aSlashOffersAChoiceOfOnePartNotTwoSenses() throws IOException {
    // Shaped like ECDICT's rows: the slash stands between the parts that differ.
    Lexicon lexicon = compile(HEADER
        + "youngest,,,\"a. 最年幼的, 最小的儿子/女儿\",,,,,9000,9000,,,\n"
        + "by definition,,,根据/按照定义,,,,,0,0,,,\n"
        + "make progress,,,取得进步/展,,,,,0,0,,,\n"
        + "treasure chest,,,财宝箱/藏宝箱,,,,,0,0,,,\n");
    List<String> youngest = lexicon.toChinese("youngest").stream().map(Translation::text).toList();
    assertTrue(youngest.containsAll(List.of("最小的儿子", "最小的女儿")), youngest.toString());
    assertEquals(List.of("按照定义", "根据定义"),
        lexicon.toChinese("by definition").stream().map(Translation::text).sorted().toList());
    assertEquals(List.of("取得进展", "取得进步"),
        lexicon.toChinese("make progress").stream().map(Translation::text).sorted().toList());
    // Sides of about the same length are both whole senses.
    assertEquals(List.of("treasure chest"), english(lexicon, "藏宝箱"));
    assertEquals(List.of("treasure chest"), english(lexicon, "财宝箱"));
  }

  @Test
  void theShorterSideOfASlashTakesTheRestOfTheLongerOne() {
    assertEquals(List.of("根据定义", "按照定义"), SenseCleaner.alternatives("根据/按照定义"));
    assertEquals(List.of("取得进步", "取得进展"), SenseCleaner.alternatives("取得进步/展"));
    assertEquals(List.of("不安", "焦虑的"), SenseCleaner.alternatives("不安/焦虑的"));
    assertEquals(List.of("和", "或", "与"), SenseCleaner.alternatives("和/或/与"));
    assertEquals(List.of("TCP", "IP"), SenseCleaner.alternatives("TCP/IP"));
    // A lone character at each side is a rate or a pair, kept whole (and so no sense).
    assertEquals(List.of("哩/时"), SenseCleaner.alternatives("哩/时"));
    assertFalse(SenseCleaner.isHanWord("哩/时"));
  }

  @Test
  void aRateIsNoSenseOfEitherCharacter() throws IOException {
    // Shaped like ECDICT's mph row: a rate of two characters beside a sense of its own.
    Lexicon lexicon = compile(HEADER
        + "mph,,,\"每小时...英里, 哩/时\",,,,,9155,0,,,\n"
        + "o'clock,,,\"n. ...点钟, 钟头, 时\",,,,,0,4064,,,\n");
    assertEquals(List.of(), english(lexicon, "哩"));
    assertEquals(List.of("o'clock"), english(lexicon, "时"));
  }

  private static List<String> english(Lexicon lexicon, String chinese) {
    return lexicon.toEnglish(chinese).stream().map(Translation::text).toList();
  }

  @Test
  void aSubjectLineRanksAsTheSecondSenseWhereverItStands() throws IOException {
    // Shaped like ECDICT's terminal: eleven general senses first, the computing sense last.
    Lexicon lexicon = compile(HEADER
        + "terminal,,,\"n. 终端机, 终点, 末端, 极限, 终点站\\na. 终点的, 定期的, 致死的, 结尾的, 末端的, 晚期的"
        + "\\n[计] 终端; 终端设备\",,2,,cet4,4011,5777,,,\n"
        + "T,,,\"[计] 表, 终端, 测试\",,,,,0,0,,,\n");
    List<String> chinese = lexicon.toChinese("terminal").stream().map(Translation::text).toList();
    // Fourth, behind 末端, which two lines repeat; in entry order it was twelfth, past the cap.
    assertTrue(chinese.subList(0, 4).contains("终端"), chinese.toString());
    assertTrue(chinese.contains("终端设备"), chinese.toString());
    assertEquals("terminal", lexicon.toEnglish("终端").get(0).text());
    assertEquals(List.of(), lexicon.toEnglish("测试"), "a letter's row is no translation");
    assertEquals(List.of(), lexicon.toChinese("T"));
  }

  @Test
  void anInflectedFormLendsItsLemmaTheSensesTheLemmaLacks() throws IOException {
    // Shaped like ECDICT's download: the lemma lists only an old sense, its plural the usual one.
    Lexicon lexicon = compile(HEADER
        + "upload,,,\"[计] 上装, 上栽\",,,,gk,27269,6382,s:uploads,,\n"
        + "uploads,,,n. 上传（upload的复数）,,,,,0,0,0:upload/1:s,,\n"
        + "door,,,n. 门,,,,,500,500,s:doors,,\n"
        + "doors,,,\"n. 门（door的复数）, 通道\",,,,,0,0,0:door/1:s,,\n"
        + "passage,,,\"n. 通道, 走廊\",,,,,3000,3000,,,\n"
        + "sync,,,[计] 同步的,,,,,38515,13010,s:syncs,,\n"
        + "syncs,,,\"n. 同步, 同时\\nvi. 同时发生\\nvt. 使同步\",,,,,0,0,0:sync/1:3,,\n"
        + "synchronization,,,\"n. 同步, 同步化\",,,,,20000,20000,,,\n");
    List<String> upload = lexicon.toChinese("upload").stream().map(Translation::text).toList();
    assertEquals("上装", upload.get(0), "the lemma's own first sense stays first: " + upload);
    assertTrue(upload.contains("上传"), upload.toString());
    assertEquals(lexicon.toChinese("upload"), lexicon.toChinese("uploads"));
    assertEquals("upload", lexicon.toEnglish("上传").get(0).text());
    // A plural's idiom does not take a word from a rarer English word whose first sense it is.
    assertEquals("passage", lexicon.toEnglish("通道").get(0).text(), lexicon.toEnglish("通道").toString());
    // Borrowing does not thin the lemma's own senses: 同步 is all sync has, and stays sync first.
    assertTrue(lexicon.toChinese("sync").stream().anyMatch(t -> t.text().equals("同时")), lexicon.toChinese("sync").toString());
    assertEquals("sync", lexicon.toEnglish("同步").get(0).text(), lexicon.toEnglish("同步").toString());
  }

  /** Di: the particle 地 that makes a Chinese word an adverb (自动地, automatically). */
  @Test
  void anAdverbsSenseLosesTheParticleDi() throws IOException {
    Lexicon lexicon = compile(HEADER
        + "automatically,,,\"adv. 自动地, 机械地\",,,,,2815,3946,,,\n"
        + "specially,,,adv. 特地,,,,,3000,3000,,,\n"
        + "locally,,,\"adv. 局部地, 在当地\",,,,,4000,4000,,,\n"
        + "land,,,n. 土地,,,,,800,800,,,\n"
        + "site,,,n. 场地; 实地,,,,,900,900,,,\n"
        + "concurrently,,,[计] 并行地,,,,,9000,9000,,,\n"
        + "holy,,,a. 神圣场地,,,,,7000,7000,,,\n");
    assertEquals(List.of("自动", "机械"), chinese(lexicon, "automatically"));
    assertEquals("automatically", lexicon.toEnglish("自动").get(0).text(), "and the other way");
    assertEquals(List.of("特地"), chinese(lexicon, "specially"), "a word of two characters is kept whole");
    assertEquals(List.of("局部", "在当地"), chinese(lexicon, "locally"), "so is a place");
    assertEquals(List.of("土地"), chinese(lexicon, "land"), "not an adverb");
    assertEquals(List.of("场地", "实地"), chinese(lexicon, "site"));
    // ECDICT's subject lines carry no part of speech: an -ly word's are an adverb's.
    assertEquals(List.of("并行"), chinese(lexicon, "concurrently"));
    assertEquals(List.of("神圣场地"), chinese(lexicon, "holy"), "a line labelled otherwise keeps its 地");
  }

  /** ECDICT writes an ellipsis where a phrase's object goes: in order to is 为了…. */
  @Test
  void aSenseWithAnEllipsisAtEitherEndTranslatesTheEnglishPhraseOnly() throws IOException {
    Lexicon lexicon = compile(HEADER
        + "in order to,,,为了…,,,,,0,0,,,\n"
        + "a series of,,,\"一系列..., 一连串的……\",,,,,0,0,,,\n"
        + "a matter of,,,...左右,,,,,0,0,,,\n"
        + "a medley of,,,...的大杂烩,,,,,0,0,,,\n"
        + "as soon as,,,一…就…,,,,,0,0,,,\n"
        + "for,,,prep. 为了; 因为,,,,,10,10,,,\n"
        + "versus,,,\"prep. 对...\\n[法] 诉\",,,,,5680,3160,,,\n");
    assertEquals(List.of("为了"), chinese(lexicon, "in order to"));
    assertEquals(List.of("一系列", "一连串"), chinese(lexicon, "a series of"));
    assertEquals(List.of("左右"), chinese(lexicon, "a matter of"));
    assertEquals(List.of("大杂烩"), chinese(lexicon, "a medley of"), "the 的 that joined the object goes with it");
    assertEquals(List.of(), lexicon.toChinese("as soon as"), "an ellipsis inside leaves a frame, not a word");
    assertEquals(List.of("诉"), chinese(lexicon, "versus"), "a single word's frame is a preposition's: refused");
    // Not inverted: 为了's English is for alone, not a phrase the analyser would make order.
    assertEquals(List.of("for"), lexicon.toEnglish("为了").stream().map(Translation::text).toList());
    assertEquals(List.of(), lexicon.toEnglish("一系列"));
  }

  /** The frames leave the other direction as it was: the Chinese words' English lists, weights too. */
  @Test
  void aPhrasesFramesChangeNoChineseWordsEnglish() throws IOException {
    // 缺乏 has English enough that the phrase is not among its first three: no agreement boost.
    String rest = "lack,,,\"v. 缺乏, 缺少\",,,,,2000,2000,,,\n"
        + "shortage,,,n. 缺乏,,,,,3000,3000,,,\n"
        + "absence,,,n. 缺乏,,,,,2500,2500,,,\n"
        + "need,,,\"v. 需要, 缺乏\",,,,,300,300,,,\n"
        + "be short of,,,急需,,,,,0,0,,,\n"
        + "order,,,\"n. 命令, 次序\",,,,,400,400,,,\n";
    Lexicon with = compile(HEADER + "in need of,,,\"需要…, 缺乏; 急需\",,,,,0,0,,,\n" + "in order to,,,为了…,,,,,0,0,,,\n" + rest);
    Lexicon without = compile(HEADER + "in need of,,,\"缺乏; 急需\",,,,,0,0,,,\n" + rest);
    assertTrue(english(without, "缺乏").size() >= 3 && !english(without, "缺乏").subList(0, 3).contains("in need of"),
        english(without, "缺乏").toString());
    // The phrase's share of 急需 is weighed into 急需's English: a frame taking part of it would show.
    assertEquals(List.of("be short of", "in need of"), english(without, "急需"));
    for (String zh : List.of("缺乏", "缺少", "需要", "急需", "命令", "次序")) {
      assertEquals(without.toEnglish(zh), with.toEnglish(zh), zh);
    }
    assertEquals(List.of(), with.toEnglish("为了"), "a frame's Chinese has no English");
    // The phrase has every sense, the frame weighed in its place.
    assertEquals(List.of("需要", "缺乏", "急需"), chinese(with, "in need of"));
    assertEquals(List.of("缺乏", "急需"), chinese(without, "in need of"));
  }

  private static List<String> chinese(Lexicon lexicon, String english) {
    return lexicon.toChinese(english).stream().map(Translation::text).toList();
  }

  @Test
  void theErrataListDropsAWrongPairInBothDirections() throws IOException {
    assertTrue(LexiconCompiler.errata().getOrDefault("download", Set.of()).contains("卸载"), LexiconCompiler.errata().toString());
    // ECDICT's rows, abridged: download's computing line gives 卸载 (now: uninstall) and a misprint.
    Lexicon lexicon = compile(HEADER
        + "download,,,\"[计] 卸载, 下栽\",,,,gk,27269,6382,s:downloads,,\n"
        + "downloads,,,n. 下载（download的复数）,,,,,0,0,0:download/1:s,,\n"
        + "uninstall,,,\"[计] 卸载, 卸装\",,,,,30000,30000,,,\n"
        // An inflected form lends its lemma its senses: not the pair the errata drop.
        + "down-load,,,卸载；转载,,,,,0,0,d:down-loaded,,\n"
        + "down-loaded,,,(down-load 的过去分词) 卸载；转载,,,,,0,0,0:down-load/1:d,,\n");
    assertEquals(List.of("下载"), lexicon.toChinese("download").stream().map(Translation::text).toList());
    assertEquals(List.of("uninstall"), english(lexicon, "卸载"));
    assertEquals(List.of(), lexicon.toEnglish("下栽"));
    assertEquals(List.of("转载"), lexicon.toChinese("down-load").stream().map(Translation::text).toList());
  }

  @Test
  void anAdditionJoinsBothDirectionsBesideTheDictionarysOwnSenses() throws IOException {
    // Shaped like ECDICT's unmount: general senses only, none that a manual uses.
    String csv = HEADER
        + "unmount,,,\"v. 取消安装, 取消联结\",,,,,40000,40000,,,\n"
        + "uninstall,,,\"[计] 卸载, 卸装\",,,,,30000,30000,,,\n"
        + "unload,,,\"vt. 卸, 卸载\",,,,cet6,15000,15000,,,\n";
    Map<String, List<String>> additions = Map.of("unmount", List.of("卸载"), "symlink", List.of("符号链接"));
    Lexicon without = compile(csv, Map.of());
    Lexicon with = compile(csv, additions);

    assertFalse(texts(without.toChinese("unmount")).contains("卸载"), texts(without.toChinese("unmount")).toString());
    List<String> unmount = texts(with.toChinese("unmount"));
    assertTrue(unmount.subList(0, 3).contains("卸载"), unmount.toString());
    assertTrue(unmount.containsAll(List.of("取消安装", "取消联结")), "the dictionary's own senses stay: " + unmount);

    assertFalse(texts(without.toEnglish("卸载")).contains("unmount"), texts(without.toEnglish("卸载")).toString());
    List<String> xiezai = texts(with.toEnglish("卸载"));
    assertTrue(xiezai.contains("unmount"), "a rare English word still joins the Chinese word's list: " + xiezai);
    assertEquals(texts(without.toEnglish("卸载")).get(0), xiezai.get(0), "the dictionaries' first stays first: " + xiezai);

    // A key the dictionary lacks gets an entry of its own.
    assertEquals(List.of(), texts(without.toChinese("symlink")));
    assertEquals(List.of("符号链接"), texts(with.toChinese("symlink")));
    assertEquals("symlink", with.toEnglish("符号链接").get(0).text());
  }

  @Test
  void anAdditionToAnInflectedFormGoesToItsLemma() throws IOException {
    // liaisons defers to liaison (CSV): the Chinese word's English is the lemma, which has an entry.
    Lexicon lexicon = compile(CSV, Map.of("liaisons", List.of("联络员")));
    assertEquals(List.of("liaison"), texts(lexicon.toEnglish("联络员")));
    assertTrue(texts(lexicon.toChinese("liaisons")).contains("联络员"), texts(lexicon.toChinese("liaisons")).toString());
  }

  @Test
  void aPairTheErrataDropIsNotAddedBackInEitherDirection() throws IOException {
    // download: 卸载 is in lexicon-errata.txt.
    Lexicon lexicon = compile(HEADER + "download,,,\"[计] 卸载, 下栽\",,,,gk,27269,6382,,,\n",
        Map.of("download", List.of("卸载", "下载")));
    assertEquals(List.of("下载"), texts(lexicon.toChinese("download")));
    assertEquals(List.of(), texts(lexicon.toEnglish("卸载")));
    assertEquals(List.of("download"), texts(lexicon.toEnglish("下载")));
  }

  @Test
  void theBundledAdditionsKeepTheirOrderPerWord() {
    Map<String, List<String>> additions = LexiconCompiler.additions();
    assertEquals(List.of("挂载", "挂装"), additions.get("mount"));
    assertEquals(List.of("卸载"), additions.get("unmount"));
    assertTrue(additions.containsKey("symbolic link"), "phrases are keys too");
    assertTrue(additions.size() > 300, "size " + additions.size());
  }

  private static Lexicon compile(String csv, Map<String, List<String>> additions) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LexiconCompiler.compile(new StringReader(csv), Map.of(), additions, out);
    return Lexicon.load(new ByteArrayInputStream(out.toByteArray()));
  }

  private static List<String> texts(List<Translation> translations) {
    return translations.stream().map(Translation::text).toList();
  }

  @Test
  void anEnglishWordGainsTheChineseItsPhraseEntriesAgreeOn() throws IOException {
    // No row gives create 创建; ten phrases do, as ECDICT's computing entries do.
    String csv = HEADER
        + "create,,,\"vt. 创造, 建造, 引起, 任命\",,5,1,cet4,449,332,,,\n"
        + "found,,,\"vt. 建立, 创建\",,,,,2000,2000,,,\n"
        + "create directory,,,[计] 创建目录,,,,,0,0,,,\n"
        + "create file,,,[计] 创建文件,,,,,0,0,,,\n"
        + "create table,,,[计] 创建表,,,,,0,0,,,\n"
        + "create user,,,[计] 创建用户,,,,,0,0,,,\n"
        + "create index,,,[计] 创建索引,,,,,0,0,,,\n"
        + "create group,,,[计] 创建组,,,,,0,0,,,\n"
        + "create folder,,,[计] 创建文件夹,,,,,0,0,,,\n"
        + "create account,,,[计] 创建帐户,,,,,0,0,,,\n"
        + "create shortcut,,,[计] 创建快捷方式,,,,,0,0,,,\n"
        + "create object,,,[计] 创建对象,,,,,0,0,,,\n";
    List<String> create = compile(csv).toChinese("create").stream().map(Translation::text).toList();
    assertEquals("创建", create.get(0), "the phrases agree on it as on nothing else: " + create);
    assertTrue(create.containsAll(List.of("创造", "建造", "引起", "任命")), "the row's own senses stay: " + create);
  }

  @Test
  void pinyinOfHanIsTonelessAndJoined() {
    assertEquals("zhongguo", Pinyin.of("中国"));
    assertTrue(Pinyin.spells("zhong guo", "中国"));
    assertTrue(!Pinyin.spells("china", "中国"));
  }

  @Test
  void emptyDictionaryRoundTrips() throws IOException {
    Lexicon lexicon = compile(HEADER);
    assertEquals(0, lexicon.englishEntries());
    assertEquals(0, lexicon.chineseEntries());
    assertEquals(List.of(), lexicon.toChinese("liaison"));
    assertEquals(List.of(), lexicon.toEnglish("联络"));
  }

  @Test
  void rejectsSomethingElse() {
    InputStream notGzip = new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8));
    assertThrows(IOException.class, () -> Lexicon.load(notGzip));
  }

  @Test
  void mainSkipsWorkWhenOutputIsUpToDateAndRebuildsWhenADictionaryChanges(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("ecdict.csv");
    Path cedict = dir.resolve("cedict.json");
    Path out = dir.resolve("out/lexicon.bin.gz");
    Files.writeString(csv, CSV, StandardCharsets.UTF_8);
    // 联络员 and 联络处 are not in the CSV: only CC-CEDICT can give them English.
    Files.writeString(cedict, "[{\"simplified\":\"联络员\",\"english\":[\"liaison officer\",\"liaison\"]}]",
        StandardCharsets.UTF_8);
    String[] args = {csv.toString(), cedict.toString(), out.toString()};
    LexiconCompiler.main(args);
    assertEquals("liaison", Lexicon.load(Files.newInputStream(out)).toEnglish("联络员").get(0).text());
    Files.writeString(out, "stale but newer");
    LexiconCompiler.main(args);
    assertEquals("stale but newer", Files.readString(out), "nothing changed, nothing rebuilt");
    // A new release unpacked from npm keeps the package's fixed old timestamp: still rebuilt.
    Files.writeString(cedict, "[{\"simplified\":\"联络处\",\"english\":[\"liaison\"]}]", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(cedict, java.nio.file.attribute.FileTime.fromMillis(499_132_800_000L));
    LexiconCompiler.main(args);
    assertEquals("liaison", Lexicon.load(Files.newInputStream(out)).toEnglish("联络处").get(0).text());
  }

  @Test
  void mainSaysWhereADictionaryIsMissing(@TempDir Path dir) {
    Path missing = dir.resolve("cedict.json");
    IOException e = assertThrows(IOException.class, () -> LexiconCompiler.main(new String[] {
        dir.resolve("ecdict.csv").toString(), missing.toString(), dir.resolve("lexicon.bin.gz").toString()}));
    assertTrue(e.getMessage().contains("ecdict.csv") && e.getMessage().contains("mvn generate-resources"), e.getMessage());
  }
}
