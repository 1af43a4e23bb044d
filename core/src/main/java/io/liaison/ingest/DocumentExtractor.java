package io.liaison.ingest;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Turns a file's bytes into an {@link ExtractedDocument}.
 *
 * <p>Plain text, Markdown and HTML are decoded by {@link TextDecoder} (BOM, declaration, UTF-8,
 * GB18030, Big5 or windows-1252). HTML is then read by jsoup, keeping its title and visible text,
 * one line per block ({@link HtmlText}); Markdown by commonmark-java, keeping its text without the
 * markup ({@link MarkdownText}), after its YAML front matter has given the title and a first line of
 * values ({@link FrontMatter}). PDF, DOCX, ODT, RTF and e-mail go through Tika's parsers.
 * Thread-safe.
 */
public final class DocumentExtractor {

  /** File name extensions this extractor reads, lower case, without the dot. */
  public static final Set<String> EXTENSIONS =
      Set.of("txt", "md", "markdown", "html", "htm", "xhtml", "pdf", "docx", "odt", "rtf", "eml");

  private static final Set<String> HTML = Set.of("html", "htm", "xhtml");
  private static final Set<String> MARKDOWN = Set.of("md", "markdown");
  private static final int MAX_TITLE_CHARS = 200;
  /** The title is looked for in this many lines of the body, the last being the rest of it. */
  private static final int FIRST_LINE_PIECES = 50;

  private final TikaExtractor tika = new TikaExtractor();

  /** True when the file name has an extension this extractor reads. */
  public static boolean accepts(String fileName) {
    return EXTENSIONS.contains(extension(fileName));
  }

  /**
   * Extracts one file.
   *
   * @param id the document id (relative path with {@code /})
   * @param bytes the file's content
   * @param modified modification time in epoch milliseconds
   * @throws UnsupportedFileException when the file is empty, binary, corrupt, without text, or of an
   *     unknown type; its message is the reason shown to the user
   */
  public ExtractedDocument extract(String id, byte[] bytes, long modified) throws IOException {
    String ext = extension(id);
    if (!EXTENSIONS.contains(ext)) {
      throw new UnsupportedFileException("unsupported file type '." + ext + "'");
    }
    if (bytes.length == 0) {
      throw new UnsupportedFileException("empty file");
    }
    String title;
    String body;
    if (tika.handles(ext)) {
      TikaExtractor.Text text = tika.extract(ext, bytes);
      body = text.body();
      title = text.title().isEmpty() ? firstLine(body) : text.title();
    } else {
      TextDecoder.Decoded decoded = TextDecoder.decode(bytes, HTML.contains(ext));
      if (looksBinary(decoded.text())) {
        throw new UnsupportedFileException("binary content in a ." + ext + " file");
      }
      if (HTML.contains(ext)) {
        Document html = Jsoup.parse(decoded.text());
        body = html.body() == null ? "" : HtmlText.of(html.body());
        title = html.title().strip();
        if (title.isEmpty()) {
          title = firstLine(body);
        }
      } else if (MARKDOWN.contains(ext)) {
        FrontMatter front = FrontMatter.split(decoded.text());
        String text = MarkdownText.of(front.markdown());
        body = front.values().isEmpty() ? text : text.isEmpty() ? front.values() : front.values() + "\n" + text;
        // The front matter's title, else the first heading or line of the Markdown, not its values.
        title = !front.title().isEmpty() ? front.title() : firstLine(text.isEmpty() ? body : text);
      } else {
        body = decoded.text().strip();
        title = firstLine(body);
      }
    }
    if (body.isBlank() && title.isBlank()) {
      throw new UnsupportedFileException(ext.equals("pdf")
          ? "no text layer in the .pdf (a scan? run OCR on it first)"
          : "no text in the ." + ext + " file");
    }
    if (title.length() > MAX_TITLE_CHARS) {
      title = title.substring(0, MAX_TITLE_CHARS);
    }
    Language language = Language.detect(title + "\n" + body);
    int slash = id.lastIndexOf('/');
    String folder = slash < 0 ? "" : id.substring(0, slash);
    return new ExtractedDocument(id, title, body, language, folder, bytes.length, modified, sha256(bytes));
  }

  /** Hex SHA-256 of the bytes: the content hash that decides whether a file changed. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  static String extension(String name) {
    int slash = name.lastIndexOf('/');
    int dot = name.lastIndexOf('.');
    return dot > slash ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }

  /**
   * The first non-blank line of the first 49, stripped; past them, the rest of the text stripped.
   * This is what {@code text.split("\\R", 50)} gives, without running the regex over the lines and
   * copying the rest of the body into a 50th piece for every document.
   */
  static String firstLine(String text) {
    int start = 0;
    for (int line = 1; line < FIRST_LINE_PIECES; line++) {
      int end = LineBreaks.next(text, start);
      if (end < 0) {
        break;
      }
      String t = text.substring(start, end).strip();
      if (!t.isEmpty()) {
        return t;
      }
      start = LineBreaks.after(text, end);
    }
    return text.substring(start).strip();
  }

  /**
   * Decoded text holds no NULs or other C0 controls except tab, newline, form feed and carriage
   * return; more than a few in the first 8 K characters means a binary file under a text name.
   */
  private static boolean looksBinary(String text) {
    int n = Math.min(text.length(), 8192);
    int controls = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) {
        controls++;
      }
    }
    return controls > 0 && controls * 100 >= n || text.indexOf('\0', 0) >= 0 && text.indexOf('\0') < n;
  }
}
