package io.liaison.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class ConceptQueryBuilderTest {
  private static final ConceptQueryBuilder BUILDER = new ConceptQueryBuilder(Fields.analyzer(true), Set.of(), 2f);

  private static Concept concept(String text, boolean phrase) {
    return new Concept(text, List.of(new Alternative(text, 1f, Origin.QUERY, List.of())), phrase);
  }

  private static Concept phrase(String text, String translation) {
    return new Concept(text, List.of(new Alternative(text, 1f, Origin.QUERY, List.of()),
        new Alternative(translation, 0.5f, Origin.GLOSSARY, List.of())), true);
  }

  @Test
  void aPhraseConceptSearchesOnlyItsTranslations() {
    Query q = BUILDER.inField(Fields.BODY, phrase("belt and road", "一带一路"), 0);
    assertEquals("(body:\"一 带 一 路\")^0.5", q.toString());
    assertNull(BUILDER.inField(Fields.BODY, concept("belt and road", true), 0), "no translation, nothing to add");
  }

  @Test
  void alternativesThatAnalyseToTheSamePhraseAreOnePhraseAtTheHigherWeight() {
    // The dictionary's "configuration file" and a mined CONFIGURATION FILES both stem to
    // "configur file": one phrase to match, weighted as the dis-max of the two would score it.
    Concept c = new Concept("配置文件", List.of(new Alternative("配置文件", 1f, Origin.QUERY, List.of()),
        new Alternative("configuration file", 0.5f, Origin.DICTIONARY, List.of()),
        new Alternative("CONFIGURATION FILES", 0.45f, Origin.ALIAS, List.of("ssh.1"))), true);
    assertEquals("(body:\"configur file\")^0.5", BUILDER.inField(Fields.BODY, c, 0).toString());
  }

  @Test
  void aPhraseConceptStaysOptionalWhenTheWordsAreRequired() {
    BooleanQuery q = assertInstanceOf(BooleanQuery.class, BUILDER.build(List.of(Fields.BODY),
        List.of(concept("belt", false), concept("road", false), phrase("belt and road", "一带一路")), BooleanClause.Occur.MUST, 0));
    // The words, the phrase, the words' proximity: all but the words optional.
    assertEquals(List.of(BooleanClause.Occur.MUST, BooleanClause.Occur.MUST, BooleanClause.Occur.SHOULD, BooleanClause.Occur.SHOULD),
        q.clauses().stream().map(BooleanClause::occur).toList());
  }

  @Test
  void inALongerRunAPhraseConceptTakesThePlaceOfItsWordsInProximityAndTheirNearnessCountsOnce() {
    // belt, road, "belt and road", projects, overseas, finance: five words, more than a short
    // query has. The units are the phrase, projects, overseas and finance, three pairs; the
    // phrase's words add one clause for being near each other.
    Query q = BUILDER.build(List.of(Fields.BODY), List.of(concept("belt", false), concept("road", false),
        phrase("belt and road", "一带一路"), concept("projects", false), concept("overseas", false),
        concept("finance", false)), BooleanClause.Occur.SHOULD, 0);
    List<String> near = assertInstanceOf(BooleanQuery.class, q).clauses().stream().map(BooleanClause::query)
        .filter(ConceptProximity::isProximity).map(Query::toString).toList();
    assertEquals(4 + 2, near.size(), "three pairs, the phrase's words, two pairs one apart: " + q);
    // "belt and road" keeps the stop word's place, three positions, and as English words gets
    // room for four more among them.
    assertTrue(near.get(0).contains("MAXWIDTH/" + (3 + ConceptProximity.ENGLISH_SLACK) + "(ORDERED(belt,road))")
        && near.get(0).contains("BLOCK(一,带,一,路)") && near.get(0).contains("project"), near.get(0));
    assertTrue(near.get(3).contains("UNORDERED(belt,road)") && !near.get(3).contains("project"), near.get(3));
  }

  @Test
  void inAShortRunAnEnglishPhrasesWordsStayUnitsEachAlsoMatchedByItsTranslations() throws Exception {
    // Local timezone configuration file: a page that writes "the file configures the timezone"
    // has configuration and file near timezone, not the phrase; the words' pairs find it.
    List<Concept> run = List.of(concept("local", false), concept("timezone", false), concept("configuration", false),
        concept("file", false), phrase("configuration file", "配置文件"));
    List<Query> near = BUILDER.proximity(List.of(Fields.BODY), run);
    List<String> text = near.stream().map(Query::toString).toList();
    assertEquals(3 + 2, near.size(), "local~timezone, timezone~configuration, configuration~file, two one apart: " + text);
    assertTrue(text.get(2).contains("or(BLOCK(配置,文件),configur)") && text.get(2).contains("or(BLOCK(配置,文件),file)"),
        "each word also matched by the phrase's translation: " + text.get(2));
    assertTrue(text.stream().noneMatch(t -> t.contains("ORDERED(configur,file)")), "no English phrase of its own: " + text);
    assertEquals(List.of(1, 2),
        counts(List.of("the file configures the local timezone of the system", "配置文件设定本机的时区"), near.get(1), near.get(2)),
        "timezone~configuration on the English page (timezone has no translation here), configuration~file on"
            + " it and, as 配置文件, on the Chinese one: " + text);
  }

  @Test
  void inAShortRunAChinesePhraseOfWordsKeepsItsWordsAsUnitsButAPhraseCutIntoCharactersDoesNot() throws Exception {
    // 合并文件各行 (paste: merge lines of files): a page that writes 将各个文件的行合并 has 合并 and 文件
    // near each other, not the phrase; the words' pair finds it, as for an English phrase.
    List<Concept> run = List.of(word("合并", "merge"), word("文件", "file"), phrase("合并文件", "merge file"), word("行", "line"));
    List<Query> near = BUILDER.proximity(List.of(Fields.BODY), run);
    List<String> text = near.stream().map(Query::toString).toList();
    assertEquals(2 + 1, near.size(), "合并~文件, 文件~行, and 合并~行 one apart: " + text);
    assertTrue(text.get(0).contains("合并") && text.get(0).contains("文件") && text.get(0).contains("ORDERED(merg,file)"),
        "each word also matched by the phrase's translation: " + text.get(0));
    assertTrue(text.stream().noneMatch(t -> t.contains("BLOCK(合并,文件)")), "no phrase of its own: " + text);
    assertEquals(List.of(1, 2), counts(List.of("将各个文件的行合并后输出", "按行输出一个文件"), near.get(0), near.get(1)),
        "合并~文件 on the first page, where they are apart; 文件~行 on both: " + text);

    // Cut into single characters, a phrase is no run of words: it stays one unit, with a clause of its own.
    List<Concept> characters = List.of(word("带"), word("路"), phrase("带路", "lead the way"), word("建设", "build"));
    List<String> unit = BUILDER.proximity(List.of(Fields.BODY), characters).stream().map(Query::toString).toList();
    assertEquals(2, unit.size(), "带路~建设 and the phrase's characters near each other: " + unit);
    assertTrue(unit.get(0).contains("BLOCK(带,路)") && unit.get(0).contains("建设"), unit.get(0));
  }

  @Test
  void aChineseFunctionWordIsSearchedButStandsAsideFromProximityAndFromAnd() throws Exception {
    // 已安装的软件包: 已 and 的 are function words, so 安装 pairs with 软件包, as install with package.
    List<Concept> run = List.of(word("已"), word("安装", "install"), word("的"), word("软件包", "package"));
    assertEquals(2, QueryTranslator.standingAside(run).size(), run.toString());
    List<Query> near = BUILDER.proximity(List.of(Fields.BODY), run);
    assertEquals(1, near.size(), "安装 ~ 软件包 alone: " + near);
    assertEquals(Set.of("安装", "instal", "软件包", "packag"), terms(near.get(0)), near.get(0).toString());
    // Searched as typed, but optional where the content words are required.
    BooleanQuery q = assertInstanceOf(BooleanQuery.class, BUILDER.build(List.of(Fields.BODY), run, BooleanClause.Occur.MUST, 0));
    List<BooleanClause.Occur> occurs = q.clauses().stream().filter(c -> !ConceptProximity.isProximity(c.query()))
        .map(BooleanClause::occur).toList();
    assertEquals(List.of(BooleanClause.Occur.SHOULD, BooleanClause.Occur.MUST, BooleanClause.Occur.SHOULD, BooleanClause.Occur.MUST),
        occurs, q.toString());
    assertTrue(terms(q).contains("的"), q.toString());
    List<Integer> found = counts(List.of("list the files of the installed package", "要列出已安装的软件包 foo 提供的所有文件"), near.get(0), q);
    assertEquals(2, found.get(0), "the pair on the English page and on the Chinese one");
    assertEquals(2, found.get(1), "required: the content words only");
    // A run of nothing but function words keeps them as its units.
    List<Concept> only = List.of(word("为什么"), word("的"));
    assertEquals(Set.of(), QueryTranslator.standingAside(only));
    assertEquals(1, BUILDER.proximity(List.of(Fields.BODY), only).size());
    // A function word inside a phrase the dictionary knows (一 in 一带一路) is the phrase's: not aside.
    List<Concept> belt = List.of(word("一"), word("带"), word("一"), word("路"), phrase("一带一路", "Belt and Road"));
    assertEquals(Set.of(), QueryTranslator.standingAside(belt));
  }

  @Test
  void neighbouringWordsAreCreditedForBeingCloseInTheBodyInAnyOfTheirForms() {
    BooleanQuery q = assertInstanceOf(BooleanQuery.class, BUILDER.build(List.of(Fields.TITLE, Fields.BODY),
        List.of(word("set", "设置", "日落"), word("time", "时间"), word("zone", "时区")), BooleanClause.Occur.SHOULD, 0));
    List<Query> near = q.clauses().stream().map(BooleanClause::query).filter(ConceptProximity::isProximity).toList();
    assertEquals(3, near.size(), "set~time, time~zone, and set~zone one apart: " + q);
    assertEquals(6, q.clauses().size(), q.toString());
    BoostQuery first = assertInstanceOf(BoostQuery.class, near.get(0));
    assertEquals(ConceptProximity.pairWeight(2), first.getBoost(), 0f);
    String text = first.getQuery().toString();
    for (String part : List.of("body", "set", "设置", "日落", "时间", "MAXWIDTH/" + ConceptProximity.WINDOW)) {
      assertTrue(text.contains(part), part + " in " + text);
    }
    assertTrue(!text.contains("时区"), text);
    BoostQuery apart = assertInstanceOf(BoostQuery.class, near.get(2));
    assertEquals(ConceptProximity.pairWeight(2) * ConceptProximity.SKIP_PAIR_SHARE, apart.getBoost(), 0f,
        "one apart: half a neighbouring pair, on top of the two");
    String apartText = apart.getQuery().toString();
    assertTrue(apartText.contains("日落") && apartText.contains("时区") && !apartText.contains("时间"), apartText);
  }

  @Test
  void onlyARunOfAFewUnitsPairsEachWithTheOneAfterNext() {
    for (int units : new int[] {2, 3, ConceptProximity.SKIP_PAIRS_UP_TO, ConceptProximity.SKIP_PAIRS_UP_TO + 1}) {
      List<Concept> words = new ArrayList<>();
      for (int i = 0; i < units; i++) {
        words.add(word("w" + i, "t" + i));
      }
      List<Query> near = BUILDER.proximity(List.of(Fields.BODY), words);
      int apart = units <= ConceptProximity.SKIP_PAIRS_UP_TO ? units - 2 : 0;
      assertEquals(units - 1 + apart, near.size(), units + " units: " + near);
      for (int k = 0; k < near.size(); k++) {
        float expected = ConceptProximity.pairWeight(units - 1) * (k < units - 1 ? 1f : ConceptProximity.SKIP_PAIR_SHARE);
        assertEquals(expected, assertInstanceOf(BoostQuery.class, near.get(k)).getBoost(), 0f, units + " units, clause " + k);
      }
      if (apart > 0) {
        // The last clause pairs the third-last unit with the last, in any of their forms.
        Query last = near.get(near.size() - 1);
        assertEquals(Set.of("w" + (units - 3), "t" + (units - 3), "w" + (units - 1), "t" + (units - 1)), terms(last),
            last.toString());
      }
    }
  }

  @Test
  void aQueryOfOneWordOrWithoutTheBodyOrWithProximityAblatedHasNoProximity() {
    List<Concept> two = List.of(word("set", "设置"), word("time", "时间"));
    assertEquals(0, proximityClauses(BUILDER.build(List.of(Fields.BODY), List.of(word("set", "设置")), BooleanClause.Occur.SHOULD, 0)));
    assertEquals(0, proximityClauses(BUILDER.build(List.of(Fields.TITLE), two, BooleanClause.Occur.SHOULD, 0)));
    ConceptQueryBuilder ablated = new ConceptQueryBuilder(Fields.analyzer(true), Set.of(Ablation.PROXIMITY), 2f);
    assertEquals(0, proximityClauses(ablated.build(List.of(Fields.BODY), two, BooleanClause.Occur.SHOULD, 0)));
    assertEquals(1, proximityClauses(BUILDER.build(List.of(Fields.BODY), two, BooleanClause.Occur.SHOULD, 0)));
  }

  @Test
  void proximityNeverTakesALongQueryPastHalfTheClauseLimit() {
    List<Concept> words = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      words.add(word("w" + i, "a" + i, "b" + i, "c" + i, "d" + i));
    }
    Query q = BUILDER.build(List.of(Fields.BODY), words, BooleanClause.Occur.SHOULD, 0);
    int pairs = proximityClauses(q);
    assertTrue(pairs > 0 && pairs < 59, "some pairs, not all 59: " + pairs);
    assertTrue(ConceptProximity.clauses(q) <= IndexSearcher.getMaxClauseCount() / 2, String.valueOf(ConceptProximity.clauses(q)));
  }

  @Test
  void aConceptSplitByScriptTakesFromTheProximityBudgetAsOneBranch() {
    // A page matches one branch or the other, so a long run of words with Taiwan forms keeps the
    // proximity pairs it had when the Taiwan forms were searched everywhere.
    List<Concept> words = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      words.add(new Concept("w" + i, List.of(new Alternative("w" + i, 1f, Origin.QUERY, List.of()),
          new Alternative("a" + i, 0.5f, Origin.DICTIONARY, List.of()),
          new Alternative("b" + i, 0.5f, Origin.DICTIONARY, List.of()),
          new Alternative("t" + i, 0.5f, Origin.VARIANT, List.of())), false));
    }
    Query split = BUILDER.build(List.of(Fields.BODY), words, BooleanClause.Occur.SHOULD, 0);
    Query everywhere = BUILDER.taiwanFormsEverywhere().build(List.of(Fields.BODY), words, BooleanClause.Occur.SHOULD, 0);
    int pairs = proximityClauses(everywhere);
    assertTrue(pairs > 0 && pairs < 59, "the budget binds: " + pairs);
    assertEquals(pairs, proximityClauses(split), "pairs with the Taiwan forms split by script");
    // One concept: the split one counts as its branch with the Taiwan form, the one query of before.
    Query one = BUILDER.build(List.of(Fields.BODY), words.get(0), 0);
    Query before = BUILDER.taiwanFormsEverywhere().build(List.of(Fields.BODY), words.get(0), 0);
    assertEquals(ConceptProximity.clauses(before), ConceptProximity.budgetClauses(one));
    assertTrue(ConceptProximity.clauses(one) > ConceptProximity.budgetClauses(one), one.toString());
    assertEquals(ConceptProximity.clauses(before), ConceptProximity.budgetClauses(before));
  }

  @Test
  void aChinesePhraseCoversTheWordsOfItsTextWhateverItsOwnSegmentation() {
    // In 中国一带一路建设 the query's words are 中国 一带 一路 建设; 一带一路 alone segments into four
    // words, so counting its terms would take 中国 in too. It covers 一带 and 一路 only.
    Concept belt = new Concept("一带一路", List.of(new Alternative("一带一路", 1f, Origin.QUERY, List.of()),
        new Alternative("Belt and Road", 0.5f, Origin.GLOSSARY, List.of())), true);
    // A short run: the covered words stay units, each with the phrase's translation; 中国 and 建设 without.
    List<String> near = BUILDER.proximity(List.of(Fields.BODY),
        List.of(word("中国"), word("一带"), word("一路"), belt, word("建设"))).stream().map(Query::toString).toList();
    assertEquals(3 + 2, near.size(), near.toString());
    assertTrue(near.get(0).contains("UNORDERED(中国,or(") && near.get(0).contains("一带") && near.get(0).contains("belt"),
        "中国 ~ 一带 or the phrase's translation: " + near.get(0));
    // 一路 analyses to 一 路, a block.
    assertTrue(near.get(1).contains("一带") && near.get(1).contains("BLOCK(一,路)") && !near.get(1).contains("中国"), near.get(1));
    assertTrue(near.get(2).contains("BLOCK(一,路)") && near.get(2).contains("road))),建设)"), "一路 ~ 建设 alone: " + near.get(2));
    // A longer run: the phrase takes its words' place, and its own words are near each other.
    List<String> longer = BUILDER.proximity(List.of(Fields.BODY),
        List.of(word("中国"), word("一带"), word("一路"), belt, word("建设"), word("项目"))).stream().map(Query::toString).toList();
    assertTrue(longer.get(0).contains("中国") && longer.get(0).contains("belt") && !longer.get(0).contains("建设"),
        "中国 ~ the phrase: " + longer.get(0));
    assertTrue(longer.get(1).contains("建设") && longer.get(1).contains("belt"), "the phrase ~ 建设: " + longer.get(1));
    assertTrue(longer.stream().anyMatch(t -> t.contains("一带") && t.contains("BLOCK(一,路)") && !t.contains("中国") && !t.contains("建设")
        && !t.contains("belt")), "the phrase's own words: " + longer);
    assertTrue(longer.stream().noneMatch(t -> t.contains("UNORDERED(中国,一带)") || t.contains("UNORDERED(中国,or(一带")),
        "中国 never pairs with 一带 alone: " + longer);
  }

  private static int proximityClauses(Query q) {
    return q instanceof BooleanQuery b
        ? (int) b.clauses().stream().map(BooleanClause::query).filter(ConceptProximity::isProximity).count()
        : 0;
  }

  private static Concept word(String source, String... translations) {
    List<Alternative> alternatives = new ArrayList<>();
    alternatives.add(new Alternative(source, 1f, Origin.QUERY, List.of()));
    for (String t : translations) {
      alternatives.add(new Alternative(t, 0.5f, Origin.DICTIONARY, List.of()));
    }
    return new Concept(source, alternatives, false);
  }

  @Test
  void aChineseWordAndItsEnglishTranslationsAreTwoGroupsAdded() {
    BooleanQuery q = assertInstanceOf(BooleanQuery.class, BUILDER.inField(Fields.BODY, word("内核", "kernel", "core", "核心"), 0));
    assertEquals(2, q.clauses().size(), q.toString());
    assertEquals(List.of(BooleanClause.Occur.SHOULD, BooleanClause.Occur.SHOULD), q.clauses().stream().map(BooleanClause::occur).toList());
    // The Han group: the word and its Chinese alternatives; the other: the English translations.
    SynonymQuery han = assertInstanceOf(SynonymQuery.class, q.clauses().get(0).query());
    SynonymQuery english = assertInstanceOf(SynonymQuery.class, q.clauses().get(1).query());
    assertEquals(Set.of("内核", "核心"), han.getTerms().stream().map(t -> t.text()).collect(Collectors.toSet()));
    assertEquals(Set.of("kernel", "core"), english.getTerms().stream().map(t -> t.text()).collect(Collectors.toSet()));
  }

  @Test
  void anEnglishWordAndItsChineseTranslationsStayOneGroup() {
    SynonymQuery q = assertInstanceOf(SynonymQuery.class, BUILDER.inField(Fields.BODY, word("kernel", "内核", "核心"), 0));
    assertEquals(Set.of("kernel", "内核", "核心"), q.getTerms().stream().map(t -> t.text()).collect(Collectors.toSet()));
  }

  @Test
  void inTheBigramFieldATwoCharacterWordIsOneTermAndALongerOneAllOfItsBigrams() {
    // The field keeps no positions, so no phrase: 提示符 needs both of its bigrams, in any order,
    // and 哈哈哈's repeated bigram is asked once.
    assertEquals("han_bigrams:文件", BUILDER.inField(Fields.HAN_BIGRAMS, concept("文件", false), 0).toString());
    assertEquals("+han_bigrams:提示 +han_bigrams:示符", BUILDER.inField(Fields.HAN_BIGRAMS, concept("提示符", false), 0).toString());
    assertEquals("+han_bigrams:哈哈", BUILDER.inField(Fields.HAN_BIGRAMS, concept("哈哈哈", false), 0).toString());
    // In the body the same word is still a phrase of SmartCN's words.
    assertTrue(BUILDER.inField(Fields.BODY, concept("命令提示符", false), 0).toString().startsWith("body:\""));
  }

  @Test
  void aTaiwanFormCountsOnlyInPagesWrittenInTraditionalCharacters() throws IOException {
    // 文档 (document) is 文件 in Taiwan, and 文件 is the mainland's word for a file.
    Concept document = new Concept("文档", List.of(new Alternative("文档", 1f, Origin.QUERY, List.of()),
        new Alternative("文件", 0.5f, Origin.VARIANT, List.of())), false);
    Concept sameAsTranslation = new Concept("文档", List.of(new Alternative("文档", 1f, Origin.QUERY, List.of()),
        new Alternative("文件", 0.5f, Origin.DICTIONARY, List.of())), false);
    String[][] pages = {
        {"把这个文件复制到目录里", "Hans"}, // a mainland page about a file
        {"這份文件說明安裝的步驟", "Hant"}, // a Taiwan page about a document
        {"这份文档说明安装的步骤", "Hans"},
        {"a document about the file", null}}; // English: no script
    try (Directory dir = pagesWithScripts(pages)) {
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        Query regional = BUILDER.inField(Fields.BODY, document, 0);
        assertEquals(Set.of(1, 2), matches(searcher, regional), regional.toString());
        assertEquals(Set.of(0, 1, 2), matches(searcher, BUILDER.inField(Fields.BODY, sameAsTranslation, 0)),
            "a translation 文件 is searched everywhere");
        // Each page scores as the one group that applies to it: without the Taiwan form on the
        // Simplified page, with it on the Traditional one.
        Query plain = BUILDER.inField(Fields.BODY, new Concept("文档", document.alternatives().subList(0, 1), false), 0);
        assertEquals(score(searcher, plain, 2), score(searcher, regional, 2), 1e-6f);
        assertEquals(score(searcher, BUILDER.inField(Fields.BODY, sameAsTranslation, 0), 1), score(searcher, regional, 1), 1e-6f);
      }
    }
  }

  @Test
  void aMainlandFormCountsOnlyInPagesNotWrittenInTraditionalCharacters() throws IOException {
    // A Traditional query's 檔案 (file) is the mainland's 文件, and 文件 in a Taiwan page is a document.
    Concept file = new Concept("檔案", List.of(new Alternative("檔案", 1f, Origin.QUERY, List.of()),
        new Alternative("文件", 0.5f, Origin.MAINLAND, List.of())), false);
    String[][] pages = {
        {"把这个文件复制到目录里", "Hans"}, // a mainland page about a file
        {"這份文件說明安裝的步驟", "Hant"}, // a Taiwan page about a document
        {"把這個檔案複製到目錄裡", "Hant"}, // a Taiwan page about a file
        {"a document about the file", null}};
    try (Directory dir = pagesWithScripts(pages)) {
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        Query regional = BUILDER.inField(Fields.BODY, file, 0);
        assertEquals(Set.of(0, 2), matches(searcher, regional), regional.toString());
        // The Traditional page scores as the user's word alone, the Simplified one as the concept
        // with its mainland form, as one group.
        Query typed = BUILDER.inField(Fields.BODY, new Concept("檔案", file.alternatives().subList(0, 1), false), 0);
        Query everywhere = BUILDER.taiwanFormsEverywhere().inField(Fields.BODY, file, 0);
        assertEquals(score(searcher, typed, 2), score(searcher, regional, 2), 1e-6f);
        assertEquals(score(searcher, everywhere, 0), score(searcher, regional, 0), 1e-6f);
        assertEquals(Set.of(0, 1, 2), matches(searcher, everywhere), "searched everywhere, as when the clause limit is near");
        // A phrase concept adds only its translations: when the one Chinese translation is a
        // mainland form, nothing is left for Traditional pages, and the phrase is searched in the
        // others alone.
        Concept phrase = new Concept("檔案複製", List.of(new Alternative("檔案複製", 1f, Origin.QUERY, List.of()),
            new Alternative("文件复制", 0.5f, Origin.MAINLAND, List.of())), true);
        Query onlyMainland = BUILDER.inField(Fields.BODY, phrase, 0);
        assertEquals(Set.of(0), matches(searcher, onlyMainland), onlyMainland.toString());
        assertTrue(onlyMainland.toString().contains("-script:Hant"), onlyMainland.toString());
      }
    }
  }

  @Test
  void aChineseWordsEnglishGroupIsScoredOnceBesideTheSplitOfItsHanGroup() throws IOException {
    // Only the Han group differs between a Traditional page and the rest, so the English
    // translations are one clause beside the split, not one in each branch.
    List<Alternative> han = List.of(new Alternative("文档", 1f, Origin.QUERY, List.of()),
        new Alternative("文件", 0.5f, Origin.VARIANT, List.of()));
    List<Alternative> english = List.of(new Alternative("document", 0.8f, Origin.DICTIONARY, List.of()),
        new Alternative("paper", 0.4f, Origin.DICTIONARY, List.of()));
    List<Alternative> all = new ArrayList<>(han);
    all.addAll(english);
    Concept document = new Concept("文档", all, false);
    Query regional = BUILDER.inField(Fields.BODY, document, 0);
    int[] documentClauses = new int[1];
    regional.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query query, Term... terms) {
        for (Term t : terms) {
          documentClauses[0] += t.text().equals("document") ? 1 : 0;
        }
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }
    });
    assertEquals(1, documentClauses[0], regional.toString());
    // It takes from the proximity budget what the concept took before it was split.
    assertEquals(ConceptProximity.clauses(BUILDER.taiwanFormsEverywhere().inField(Fields.BODY, document, 0)),
        ConceptProximity.budgetClauses(regional));
    String[][] pages = {
        {"把这个文件复制到目录里", "Hans"},
        {"這份文件 (document) 說明安裝的步驟", "Hant"},
        {"这份文档 (document) 说明安装的步骤", "Hans"},
        {"這份文檔說明安裝的步驟", "Hant"},
        {"a document about the file, on paper", null}};
    try (Directory dir = pagesWithScripts(pages)) {
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        // Each page scores as its Han group, with or without the Taiwan form by its script, plus
        // the English group, as when the English group was scored in each branch.
        Query hanOnly = BUILDER.inField(Fields.BODY, new Concept("文档", han, false), 0);
        Query englishOnly = BUILDER.inField(Fields.BODY, new Concept("文档", english, false), 0);
        assertEquals(Set.of(1, 2, 3, 4), matches(searcher, regional), regional.toString());
        for (int doc = 0; doc < pages.length; doc++) {
          float expected = (matches(searcher, hanOnly).contains(doc) ? score(searcher, hanOnly, doc) : 0f)
              + (matches(searcher, englishOnly).contains(doc) ? score(searcher, englishOnly, doc) : 0f);
          assertEquals(expected, score(searcher, regional, doc), 1e-6f, "page " + doc);
        }
      }
    }
  }

  /** {@code pages} indexed in order, each a body and its script ({@code Hans}, {@code Hant}, or null for none). */
  private static Directory pagesWithScripts(String[][] pages) throws IOException {
    Directory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Fields.analyzer(true)))) {
      for (String[] page : pages) {
        Document d = new Document();
        d.add(new TextField(Fields.BODY, page[0], Field.Store.NO));
        if (page[1] != null) {
          d.add(new StringField(Fields.SCRIPT, page[1], Field.Store.NO));
        }
        w.addDocument(d);
      }
    }
    return dir;
  }

  private static Set<Integer> matches(IndexSearcher searcher, Query q) throws IOException {
    return java.util.Arrays.stream(searcher.search(q, 10).scoreDocs).map(d -> d.doc).collect(Collectors.toSet());
  }

  private static float score(IndexSearcher searcher, Query q, int doc) throws IOException {
    return searcher.explain(q, doc).getValue().floatValue();
  }

  /** How many of {@code bodies}, indexed as the body of one document each, each query matches. */
  private static List<Integer> counts(List<String> bodies, Query... queries) throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Fields.analyzer(true)))) {
        for (String body : bodies) {
          Document d = new Document();
          d.add(new TextField(Fields.BODY, body, Field.Store.NO));
          w.addDocument(d);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        List<Integer> out = new ArrayList<>();
        for (Query q : queries) {
          out.add(searcher.count(q));
        }
        return out;
      }
    }
  }

  /** The terms {@code q} searches for, in any field. */
  private static Set<String> terms(Query q) {
    Set<Term> terms = new HashSet<>();
    q.visit(QueryVisitor.termCollector(terms));
    return terms.stream().map(Term::text).collect(Collectors.toSet());
  }
}
