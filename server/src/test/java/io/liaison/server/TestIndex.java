package io.liaison.server;

import io.liaison.Liaison;
import io.liaison.index.Indexer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A tiny corpus in English, Simplified and Traditional Chinese, indexed into a temp folder. */
final class TestIndex {
  // Plain text that carries markup, which must reach the page as text. (Markdown would not do:
  // its raw HTML is markup, dropped from the indexed text as a reader never sees it.)
  static final String EVIL_ID = "notes/evil.txt";
  static final String EVIL_TITLE = "Liaison <img src=x onerror=\"window.__pwned=1\"> notes";

  final Path corpus;
  final Path index;
  final Path glossary;

  private TestIndex(Path root) {
    this.corpus = root.resolve("corpus");
    this.index = root.resolve("index");
    this.glossary = root.resolve("glossary.tsv");
  }

  static TestIndex build(Path root) throws IOException {
    TestIndex t = new TestIndex(root);
    t.write("en/liaison-office.txt", """
        The Liaison Office of the Trade Council
        The liaison office arranges economic exchanges between provinces and foreign companies.
        Its liaison officers meet delegations every month.
        """);
    t.write("en/harbour.txt", """
        Harbour Report
        The harbour handled more containers this year. Shipping companies expanded routes.
        """);
    t.write("zh/lianluo.txt", """
        中国经济联络中心简介
        中国经济联络中心负责对外经济联络工作，与外国企业和地方政府保持联系。
        """);
    t.write("tw/lianluo-tw.txt", """
        中國經濟聯絡中心的來歷
        中國經濟聯絡中心成立於一九九零年代，負責對外經濟聯絡。
        """);
    t.write(EVIL_ID, EVIL_TITLE + "\n"
        + "Body with liaison and <img src=x onerror=\"window.__pwned=1\"> and <script>window.__pwned=1</script> inside.\n");
    Files.writeString(t.glossary, "# test glossary\n中国经济联络中心\t中國經濟聯絡中心\tChina Economic Liaison Center\tCECC\n",
        StandardCharsets.UTF_8);
    new Indexer(Indexer.Options.of(t.corpus, t.index)).run();
    return t;
  }

  private void write(String id, String text) throws IOException {
    Path file = corpus.resolve(id);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  Liaison open() throws IOException {
    return Liaison.open(index, glossary);
  }

  ServerConfig config(String adminToken) {
    return new ServerConfig("127.0.0.1", 0, corpus, adminToken);
  }
}
