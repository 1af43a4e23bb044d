package io.liaison.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import io.liaison.Liaison;
import io.liaison.index.Fields;
import io.liaison.index.IndexLayout;
import io.liaison.index.Indexer;
import io.liaison.search.Hit;
import io.liaison.search.SearchRequest;
import io.liaison.search.VersionLinker;
import io.liaison.server.App;
import io.liaison.server.ServerConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user meets it: outputs in the documented formats, one-line errors. */
class CliTest {
  @TempDir static Path dir;
  static Path corpus;
  static Path index;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    CommandLine cli = LiaisonCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void indexASmallCorpus() throws Exception {
    corpus = dir.resolve("corpus");
    Files.createDirectories(corpus.resolve("zh"));
    Files.createDirectories(corpus.resolve("en"));
    Files.writeString(corpus.resolve("zh/cecc.txt"), "中国经济联络中心\n中国经济联络中心成立于1993年，负责经济联络工作。");
    Files.writeString(corpus.resolve("zh/tw.txt"), "中國經濟聯絡中心\n中國經濟聯絡中心隸屬中聯部，從事經濟聯絡。");
    Files.writeString(corpus.resolve("en/liaisons.md"), "# Party liaisons\nThe department keeps liaisons with foreign parties.");
    Files.writeString(corpus.resolve("en/weather.txt"), "Weekend weather\nRain is expected on Saturday, sun on Sunday.");
    index = dir.resolve("index");
    // Without version links, so each test here sees the four documents as separate hits; the
    // links have a test of their own, on a corpus of their own.
    Result r = run("index", "--corpus", corpus.toString(), "--index", index.toString(), "--no-versions");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("4 documents: 4 added, 0 updated, 0 deleted, 0 unchanged, 0 skipped"), r.out());
    assertFalse(r.out().contains("language versions"), r.out());
  }

  @Test
  void aSecondIndexRunReadsNothingThatDidNotChange() {
    Result r = run("index", "--corpus", corpus.toString(), "--index", index.toString(), "--no-versions");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("4 documents: 0 added, 0 updated, 0 deleted, 4 unchanged, 0 skipped"), r.out());
  }

  @Test
  void indexNamesTheTypesItDoesNotRead() throws Exception {
    Path c = Files.createDirectories(dir.resolve("word97"));
    Files.writeString(c.resolve("memo.txt"), "Memo\nRead this.");
    Files.writeString(c.resolve("old-memo.doc"), "Word 97");
    Files.writeString(c.resolve("budget.xls"), "Excel 97");
    Files.writeString(c.resolve(".DS_Store"), "Finder");
    Result r = run("index", "--corpus", c.toString(), "--index", dir.resolve("word97-index").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("indexing: 1 files to look at"), r.out());
    assertTrue(r.out().contains(" s); 2 files not indexed, of types liaison does not read: 1 .doc, 1 .xls\n"), r.out());
    assertTrue(r.out().contains("a Word 97 .doc as .docx"), r.out());
  }

  @Test
  void indexWillNotEmptyAnIndexFromAFolderWithNothingInItUnlessTold() throws Exception {
    Path c = Files.createDirectories(dir.resolve("share"));
    Path i = dir.resolve("share-index");
    Files.writeString(c.resolve("a.txt"), "Alpha\nFirst memo.");
    Files.writeString(c.resolve("b.txt"), "Beta\nSecond memo.");
    assertEquals(0, run("index", "--corpus", c.toString(), "--index", i.toString()).code());
    Files.delete(c.resolve("a.txt"));
    Files.delete(c.resolve("b.txt"));
    for (List<String> extra : List.of(List.<String>of(), List.of("--rebuild"))) {
      List<String> args = new java.util.ArrayList<>(List.of("index", "--corpus", c.toString(), "--index", i.toString()));
      args.addAll(extra);
      Result r = run(args.toArray(String[]::new));
      assertEquals(1, r.code(), extra + ": " + r.out());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(r.err().startsWith("liaison: corpus folder " + c + " has no file liaison can index, but the index at " + i
          + " holds 2 documents"), r.err());
      assertTrue(r.err().contains("run again with --allow-empty"), r.err());
    }
    assertEquals(Set.of("a.txt", "b.txt"), ids(run("search", "--index", i.toString(), "--json", "memo")), "nothing deleted");

    Result emptied = run("index", "--corpus", c.toString(), "--index", i.toString(), "--allow-empty");
    assertEquals(0, emptied.code(), emptied.err());
    assertTrue(emptied.out().contains("0 documents: 0 added, 0 updated, 2 deleted, 0 unchanged, 0 skipped"), emptied.out());
  }

  @Test
  void serveIndexesAnEmptyFolderWhenThereIsNoIndexToLose() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty-corpus"));
    Path i = dir.resolve("empty-index");
    ServeCommand serve = LiaisonCli.commandLine()
        .parseArgs("serve", "--corpus", empty.toString(), "--index", i.toString(), "--port", "0")
        .subcommand().commandSpec().commandLine().getCommand();
    try (ServeCommand.Served served = serve.start()) {
      assertEquals(0, served.liaison().documentCount());
    }
  }

  @Test
  void aTraditionalQueryFindsTheSimplifiedDocumentAndTheOtherWayRound() {
    Set<String> traditional = ids(run("search", "--index", index.toString(), "--json", "--no-translate", "經濟聯絡"));
    Set<String> simplified = ids(run("search", "--index", index.toString(), "--json", "--no-translate", "经济联络"));
    assertEquals(Set.of("zh/cecc.txt", "zh/tw.txt"), traditional);
    assertEquals(traditional, simplified);
  }

  @Test
  void liaisonFindsLiaisons() {
    assertTrue(ids(run("search", "--index", index.toString(), "--json", "--no-translate", "liaison")).contains("en/liaisons.md"));
  }

  @Test
  void theFirstQueryOfAProcessGivesItsOwnTimeAndAnyWaitForTheDictionariesApart() throws Exception {
    // A process of its own: in this one, earlier tests have loaded the dictionaries already. The
    // process starts loading them as it starts, so whether the search still waits for them, and
    // says so, depends on the machine; either way the line has this form.
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path err = dir.resolve("first-query.err");
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LiaisonCli.class.getName(),
        "search", "--index", index.toString(), "--limit", "1", "economic liaison")
        .redirectError(err.toFile()).start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the search did not end");
    assertEquals(0, child.exitValue(), () -> out + readString(err));
    String first = out.lines().findFirst().orElse("");
    assertTrue(first.matches("3 hits for economic liaison \\(\\d+ ms(, after \\d+ ms loading the dictionaries)?\\)"), out);
  }

  @Test
  void jsonOutputHasExactlyTheDocumentedShape() throws Exception {
    Result r = run("search", "--index", index.toString(), "--json", "--lang", "en", "liaison");
    assertEquals(0, r.code(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals(List.of("total", "hits", "expansion"), fieldNames(json));
    assertEquals(1, json.get("total").asInt());
    JsonNode hit = json.get("hits").get(0);
    assertEquals(List.of("id", "title", "lang", "score", "snippet", "versions"), fieldNames(hit));
    assertEquals("en/liaisons.md", hit.get("id").asText());
    assertEquals("Party liaisons", hit.get("title").asText());
    assertEquals("en", hit.get("lang").asText());
    assertTrue(hit.get("snippet").asText().contains("<mark>liaisons</mark>"), hit.toString());
  }

  @Test
  void jsonGivesTheExpansionExactlyAsTheApiDoes() throws Exception {
    Path glossary = dir.resolve("expansion-glossary.tsv");
    Files.writeString(glossary, "经济联络\teconomic liaison\n", StandardCharsets.UTF_8);
    Result r = run("search", "--index", index.toString(), "--glossary", glossary.toString(), "--json", "经济联络");
    assertEquals(0, r.code(), r.err());
    JsonNode cli = new ObjectMapper().readTree(r.out()).get("expansion");
    assertNotNull(cli, r.out());
    assertTrue(cli.toString().contains("\"text\":\"economic liaison\",\"weight\":0.5,\"origin\":\"GLOSSARY\""), cli.toString());
    try (Liaison liaison = Liaison.open(index, glossary)) {
      JavalinTest.test(App.create(liaison, new ServerConfig("127.0.0.1", 0, corpus, null)), (app, client) -> {
        JsonNode api = new ObjectMapper().readTree(client.get("/api/search?q=" + URLEncoder.encode("经济联络", StandardCharsets.UTF_8))
            .body().string()).get("expansion");
        assertEquals(api, cli);
      });
    }
  }

  @Test
  void topicsProduceATrecRunThatEvalScores() throws Exception {
    Path topics = dir.resolve("topics.tsv");
    Files.writeString(topics, "q1\t经济联络\nq2\tweather on Sunday AND (\n");
    Path runFile = dir.resolve("run.txt");
    // Without translation, so the order is known in this four-document corpus (with it, the English
    // page on party liaisons is merged beside the Chinese ones, as LanguageBalance intends).
    Result r = run("search", "--index", index.toString(), "--topics", topics.toString(), "--run", runFile.toString(),
        "--no-translate");
    assertEquals(0, r.code(), r.err());
    List<String> lines = Files.readAllLines(runFile, StandardCharsets.UTF_8);
    assertFalse(lines.isEmpty());
    for (String line : lines) {
      assertTrue(line.matches("q[12] Q0 \\S+ \\d+ -?\\d+\\.\\d+ liaison"), line);
    }
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("q2 Q0 en/weather.txt 1 ")), "topics are plain text, not syntax");
    Path qrels = dir.resolve("qrels.txt");
    Files.writeString(qrels, "q1 0 zh/cecc.txt 1\nq1 0 zh/tw.txt 1\nq2 0 en/weather.txt 1\n");
    Result e = run("eval", "--qrels", qrels.toString(), "--run", runFile.toString());
    assertEquals(0, e.code(), e.err());
    assertEquals(List.of("MRR@10 1.0000", "nDCG@10 1.0000", "Recall@100 1.0000", "Success@10 1.0000"), e.out().lines().toList());
  }

  @Test
  void aDocumentIdWithASpaceStaysOneFieldOfTheRun() throws Exception {
    Path c = Files.createDirectories(dir.resolve("spaced/en"));
    Files.writeString(c.resolve("weekend weather.txt"), "Weekend weather\nRain on Saturday, sun on Sunday.");
    Files.writeString(c.resolve("harbour.txt"), "Harbour works\nThe harbour reopens on Monday.");
    Path idx = dir.resolve("spaced-index");
    assertEquals(0, run("index", "--corpus", dir.resolve("spaced").toString(), "--index", idx.toString()).code());
    Path topics = Files.writeString(dir.resolve("spaced-topics.tsv"), "w\tsun on Sunday\n");
    Path runFile = dir.resolve("spaced-run.txt");
    Result r = run("search", "--index", idx.toString(), "--topics", topics.toString(), "--run", runFile.toString());
    assertEquals(0, r.code(), r.err());
    List<String> lines = Files.readAllLines(runFile, StandardCharsets.UTF_8);
    assertTrue(lines.get(0).matches("w Q0 en/weekend%20weather\\.txt 1 \\S+ liaison"), lines.get(0));
    Path qrels = Files.writeString(dir.resolve("spaced-qrels.txt"), "w 0 en/weekend%20weather.txt 1\n");
    Result e = run("eval", "--qrels", qrels.toString(), "--run", runFile.toString());
    assertEquals(0, e.code(), e.err());
    assertEquals("MRR@10 1.0000", e.out().lines().findFirst().orElseThrow());
  }

  /** Two English texts and their Chinese translations, under names that do not pair them. */
  private static Path twoTranslatedPairs(Path c) throws IOException {
    Files.createDirectories(c.resolve("en"));
    Files.createDirectories(c.resolve("zh"));
    Files.writeString(c.resolve("en/port.txt"), "Qingdao harbour reopens berth seven\nThe port authority of Qingdao "
        + "reopened berth seven on Monday after engineers repaired the container crane.");
    Files.writeString(c.resolve("zh/gangkou.txt"), "青岛港重新开放七号泊位\n青岛港务局周一重新开放七号泊位，工程师修好了集装箱起重机。");
    Files.writeString(c.resolve("en/rice.txt"), "Rice harvest in Hunan\nFarmers in Hunan province brought in a record rice "
        + "harvest despite the summer drought.");
    Files.writeString(c.resolve("zh/shuidao.txt"), "湖南水稻丰收\n尽管夏季干旱，湖南省农民仍然获得了创纪录的水稻收成。");
    return c;
  }

  @Test
  void onATerminalLinkingDrawsOneBarPerKindInPlace() {
    StringWriter w = new StringWriter();
    IndexCommand.ProgressPrinter p = new IndexCommand.ProgressPrinter(new PrintWriter(w), true);
    p.searched(VersionLinker.Kind.LANGUAGE, 1, 4); // too soon after the start to redraw
    p.searched(VersionLinker.Kind.LANGUAGE, 4, 4); // the last is always drawn
    p.searched(VersionLinker.Kind.LANGUAGE, 3, 4); // a thread that reports late: not drawn over the last
    p.searched(VersionLinker.Kind.SCRIPT, 2, 2);
    p.endLine();
    String[] lines = w.toString().split("\n", -1);
    assertEquals(3, lines.length, w.toString());
    assertTrue(lines[0].matches("\\r\\[#{30}\\] 4/4 documents searched for their language versions, \\d+/s, ETA 0m00s "), lines[0]);
    assertTrue(lines[1].matches("\\r\\[#{30}\\] 2/2 documents searched for their Simplified–Traditional versions, \\d+/s, ETA 0m00s "),
        lines[1]);
    assertEquals("", lines[2]);
  }

  @Test
  void indexLinksLanguageVersionsAndSearchShowsThemBesideTheirHit() throws Exception {
    Path c = twoTranslatedPairs(dir.resolve("versions"));
    Path idx = dir.resolve("versions-index");
    Result r = run("index", "--corpus", c.toString(), "--index", idx.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("language versions: 2 pairs (4 documents searched for theirs, "), r.out());
    assertTrue(r.out().contains("linking: 4/4 documents searched for their language versions, "), "progress, " + r.out());

    // The two versions match about as well (LanguageBalance draws them level): either may lead.
    Result text = run("search", "--index", idx.toString(), "berth", "crane");
    assertTrue(text.out().contains("  1. en/port.txt  [en]") && text.out().contains("     also in zh: zh/gangkou.txt  青岛港重新开放七号泊位")
        || text.out().contains("  1. zh/gangkou.txt  [zh]") && text.out().contains("     also in en: en/port.txt  Qingdao harbour reopens berth seven"),
        text.out());

    Result json = run("search", "--index", idx.toString(), "--json", "berth", "crane");
    JsonNode first = new ObjectMapper().readTree(json.out()).get("hits").get(0);
    assertEquals(Set.of("en/port.txt", "zh/gangkou.txt"), Set.of(first.get("id").asText(),
        first.get("versions").get(0).get("id").asText()), json.out());

    // A run lists what a reader sees: the hit, then its version, with scores that fall strictly.
    Path topics = Files.writeString(dir.resolve("versions-topics.tsv"), "q\tberth crane\n");
    Path runFile = dir.resolve("versions-run.txt");
    assertEquals(0, run("search", "--index", idx.toString(), "--topics", topics.toString(), "--run", runFile.toString()).code());
    List<String> lines = Files.readAllLines(runFile, StandardCharsets.UTF_8);
    assertEquals(Set.of("en/port.txt", "zh/gangkou.txt"), Set.of(lines.get(0).split(" ")[2], lines.get(1).split(" ")[2]),
        lines.toString());
    double[] scores = lines.stream().mapToDouble(l -> Double.parseDouble(l.split(" ")[4])).toArray();
    for (int i = 1; i < scores.length; i++) {
      assertTrue(scores[i] < scores[i - 1], lines.toString());
    }
  }

  @Test
  void serveIndexesAnIndexOfAnOlderFormatAgainWhenItsCorpusIsThereAndServesItAsItIsWhenNot() throws Exception {
    Path c = Files.createDirectories(dir.resolve("older-format-corpus"));
    Files.writeString(c.resolve("names.txt"), "文件名\n每个文件名都不能超过二百五十五个字节。\n");
    Path withCorpus = dir.resolve("older-format-index");
    Path without = dir.resolve("older-format-index-alone");
    for (Path i : List.of(withCorpus, without)) {
      new Indexer(Indexer.Options.of(c, i)).run();
      markFormat(i, "1");
      assertEquals(java.util.Optional.of("1"), IndexLayout.olderFormat(i));
    }

    try (ServeCommand.Served served = serveCommand(c, withCorpus).start()) {
      assertEquals(java.util.Optional.of(IndexLayout.FORMAT), IndexLayout.format(withCorpus), "indexed again before serving");
      assertEquals(1, served.liaison().search(SearchRequest.of("文件").withTranslate(false)).total());
    }

    Path gone = dir.resolve("older-format-corpus-gone");
    try (ServeCommand.Served served = serveCommand(gone, without).start()) {
      assertEquals(java.util.Optional.of("1"), IndexLayout.format(without), "served as it is");
      assertEquals(1, served.liaison().documentCount());
      assertFalse(Files.exists(gone), "no corpus folder made up");
    }
  }

  /** Rewrites the last commit's format, as an index written by an older Liaison says it. */
  private static void markFormat(Path index, String format) throws IOException {
    try (FSDirectory d = FSDirectory.open(index);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(Fields.analyzer(true)).setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      Map<String, String> data = new java.util.HashMap<>(SegmentInfos.readLatestCommit(d).getUserData());
      data.put(IndexLayout.FORMAT_KEY, format);
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
  }

  private static ServeCommand serveCommand(Path corpus, Path index) {
    return LiaisonCli.commandLine()
        .parseArgs("serve", "--corpus", corpus.toString(), "--index", index.toString(), "--port", "0", "--no-versions")
        .subcommand().commandSpec().commandLine().getCommand();
  }

  @Test
  void serveLinksLanguageVersionsInTheBackgroundWhereTheyAreNotLinkedYet() throws Exception {
    Path c = twoTranslatedPairs(dir.resolve("serve-versions"));
    // A new index, which serve builds itself; and one indexed without linking, which serve links.
    Path fresh = dir.resolve("serve-versions-fresh");
    Path unlinked = dir.resolve("serve-versions-unlinked");
    assertEquals(0, run("index", "--corpus", c.toString(), "--index", unlinked.toString(), "--no-versions").code());
    assertTrue(VersionLinker.pairs(unlinked).isEmpty());
    for (Path i : List.of(fresh, unlinked)) {
      ServeCommand serve = LiaisonCli.commandLine()
          .parseArgs("serve", "--corpus", c.toString(), "--index", i.toString(), "--port", "0")
          .subcommand().commandSpec().commandLine().getCommand();
      try (ServeCommand.Served served = serve.start()) {
        App.awaitBackgroundWork(served.app());
        Hit first = served.liaison().search(SearchRequest.of("berth crane")).hits().get(0);
        assertEquals(Set.of("en/port.txt", "zh/gangkou.txt"), Set.of(first.id(), first.versions().get(0).id()), i.toString());
      }
      assertEquals(Map.of("en/port.txt", "zh/gangkou.txt", "zh/gangkou.txt", "en/port.txt",
          "en/rice.txt", "zh/shuidao.txt", "zh/shuidao.txt", "en/rice.txt"), VersionLinker.pairs(i), i.toString());
    }
    // Unless told not to.
    Path off = dir.resolve("serve-versions-off");
    assertEquals(0, run("index", "--corpus", c.toString(), "--index", off.toString(), "--no-versions").code());
    ServeCommand serve = LiaisonCli.commandLine()
        .parseArgs("serve", "--corpus", c.toString(), "--index", off.toString(), "--port", "0", "--no-versions")
        .subcommand().commandSpec().commandLine().getCommand();
    try (ServeCommand.Served served = serve.start()) {
      App.awaitBackgroundWork(served.app());
      assertEquals(List.of(), served.liaison().search(SearchRequest.of("berth crane")).hits().get(0).versions());
    }
    assertTrue(VersionLinker.pairs(off).isEmpty());
  }

  @Test
  void everyCommandPrintsTheVersion() {
    for (String command : List.of("index", "search", "serve", "eval")) {
      for (String flag : List.of("-V", "--version")) {
        Result r = run(command, flag);
        assertEquals(0, r.code(), command + " " + flag + ": " + r.err());
        assertEquals("liaison 0.1.0", r.out().strip(), command + " " + flag);
      }
    }
    assertEquals("liaison 0.1.0", run("-V").out().strip());
  }

  @Test
  void aGlossaryNamedOnTheCommandLineMustExist() {
    Path nope = dir.resolve("nope.tsv");
    Result r = run("search", "--index", index.toString(), "--glossary", nope.toString(), "liaison");
    assertEquals(1, r.code(), r.out());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("liaison: glossary " + nope + " does not exist; check the path"), r.err());
    Result folder = run("search", "--index", index.toString(), "--glossary", dir.toString(), "liaison");
    assertEquals(1, folder.code(), folder.out());
    assertTrue(folder.err().contains("is not a file"), folder.err());
  }

  @Test
  void serveStopsOnAMissingGlossaryBeforeItStarts() {
    Path nope = dir.resolve("nope.tsv");
    ServeCommand serve = LiaisonCli.commandLine()
        .parseArgs("serve", "--index", index.toString(), "--glossary", nope.toString(), "--port", "0")
        .subcommand().commandSpec().commandLine().getCommand();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, serve::start);
    assertTrue(e.getMessage().contains(nope + " does not exist"), e.getMessage());
  }

  @Test
  void theDefaultGlossaryMayBeAbsent() {
    assertFalse(Files.exists(LiaisonCli.defaultGlossary()), "this test runs where the default glossary is absent");
    Result r = run("search", "--index", index.toString(), "--json", "liaison");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
  }

  @Test
  void anUnknownFlagIsOneLineAndStatusTwo() {
    Result r = run("search", "--bogus", "x");
    assertEquals(2, r.code());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("liaison: Unknown option: '--bogus'"), r.err());
  }

  @Test
  void aMissingIndexSaysHowToBuildOne() {
    Result r = run("search", "--index", dir.resolve("nowhere").toString(), "x");
    assertEquals(1, r.code());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("no index at") && r.err().contains("liaison index"), r.err());
  }

  @Test
  void aMissingDefaultIndexNamesTheCommandThatBuildsItFromTheDefaultCorpus() throws Exception {
    Path home = dir.resolve("checkout");
    Files.createDirectories(home.resolve("index-data/corpus"));
    Result r = inHome(home, () -> run("search", "x"));
    assertEquals(1, r.code());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("no index at " + home.resolve("index-data/index").toAbsolutePath().normalize() + " yet"), r.err());
    assertTrue(r.err().contains("build it from " + home.resolve("index-data/corpus").toAbsolutePath().normalize()
        + " with: liaison index (or run liaison serve"), r.err());
  }

  @Test
  void aMissingDefaultIndexWithoutACorpusSaysWhereDocumentsGo() throws Exception {
    Path home = Files.createDirectories(dir.resolve("empty-checkout"));
    Result r = inHome(home, () -> run("search", "x"));
    assertEquals(1, r.code());
    assertTrue(r.err().contains("and no corpus folder at " + home.resolve("index-data/corpus").toAbsolutePath().normalize()
        + "; put your documents there and run: liaison index"), r.err());
  }

  /** {@code call} with the folder defaults relative to {@code home}, as the launcher sets them. */
  private static Result inHome(Path home, Supplier<Result> call) {
    String before = System.getProperty("liaison.home");
    System.setProperty("liaison.home", home.toString());
    try {
      return call.get();
    } finally {
      if (before == null) {
        System.clearProperty("liaison.home");
      } else {
        System.setProperty("liaison.home", before);
      }
    }
  }

  @Test
  void aMalformedQueryGivesItsPosition() {
    Result r = run("search", "--index", index.toString(), "liaison AND (");
    assertEquals(1, r.code());
    assertEquals("liaison: malformed query at position 13: the query ends too early: close the bracket or quote, or put a word after the operator",
        r.err().strip());
  }

  @Test
  void anUnreadableCorpusIsOneLine() {
    Result r = run("index", "--corpus", dir.resolve("missing").toString(), "--index", dir.resolve("i2").toString());
    assertEquals(1, r.code());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("does not exist"), r.err());
  }

  @Test
  void serveOnAnUnreachableClusterSaysSoAndCreatesNoLocalIndex() {
    Path untouched = dir.resolve("serve-cluster-index");
    Result r = run("serve", "--opensearch", "http://127.0.0.1:1", "--index-name", "news", "--index", untouched.toString(),
        "--corpus", corpus.toString(), "--port", "0");
    assertEquals(1, r.code());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("cannot reach OpenSearch at http://127.0.0.1:1"), r.err());
    assertFalse(Files.exists(untouched), "serve --opensearch must not build a local index");
  }

  @Test
  void verboseAddsTheStackTrace() {
    Result r = run("search", "--verbose", "--index", dir.resolve("nowhere").toString(), "x");
    assertEquals(1, r.code());
    assertTrue(r.err().lines().count() > 3, r.err());
  }

  @Test
  void everyHelpPrintsWithoutPicocliWarnings() {
    // picocli formats descriptions with String.format: a bare % made it warn on stderr on every
    // --help and fall back to the raw text. Its warnings go to System.err, not to the command's
    // writer, so the test listens there.
    CommandLine root = LiaisonCli.commandLine();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream saved = System.err;
    StringBuilder help = new StringBuilder(root.getUsageMessage());
    System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      for (CommandLine c : root.getSubcommands().values()) {
        help.append(c.getUsageMessage());
      }
    } finally {
      System.setErr(saved);
    }
    String warnings = err.toString(StandardCharsets.UTF_8);
    assertFalse(warnings.contains("picocli WARN"), warnings);
    assertTrue(help.toString().contains("and % in document ids are written %XX."), help.toString());
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  private static Set<String> ids(Result r) {
    assertEquals(0, r.code(), r.err());
    try {
      Set<String> ids = new TreeSet<>();
      new ObjectMapper().readTree(r.out()).get("hits").forEach(h -> ids.add(h.get("id").asText()));
      return ids;
    } catch (Exception e) {
      throw new AssertionError(r.out(), e);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
