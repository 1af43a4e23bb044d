package io.liaison.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Turns a file's bytes into an {@link ExtractedDocument}: plain text and Markdown as UTF-8, HTML through jsoup. */
public final class DocumentExtractor {

  /** File name extensions this extractor reads, lower case, without the dot. */
  public static final Set<String> EXTENSIONS = Set.of("txt", "md", "markdown", "html", "htm", "xhtml");

  private static final int MAX_TITLE_CHARS = 200;

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
   * @throws UnsupportedFileException when the file is binary or of an unknown type
   */
  public ExtractedDocument extract(String id, byte[] bytes, long modified) throws IOException {
    String ext = extension(id);
    if (!EXTENSIONS.contains(ext)) {
      throw new UnsupportedFileException("unsupported file type '." + ext + "'");
    }
    if (looksBinary(bytes)) {
      throw new UnsupportedFileException("binary content in a ." + ext + " file");
    }
    String title;
    String body;
    if (ext.equals("html") || ext.equals("htm") || ext.equals("xhtml")) {
      // jsoup honours a BOM and <meta charset>; without either it reads UTF-8.
      Document html = Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
      body = html.body() == null ? "" : html.body().wholeText().strip();
      title = html.title().strip();
      if (title.isEmpty()) {
        title = firstLine(body);
      }
    } else {
      body = decodeText(bytes).strip();
      title = firstLine(body);
      if (ext.equals("md") || ext.equals("markdown")) {
        title = title.replaceFirst("^#+\\s*", "");
      }
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

  private static String decodeText(byte[] bytes) {
    int skip = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
    return new String(bytes, skip, bytes.length - skip, StandardCharsets.UTF_8);
  }

  private static String firstLine(String text) {
    for (String line : text.split("\\R")) {
      String t = line.strip();
      if (!t.isEmpty()) {
        return t;
      }
    }
    return "";
  }

  /** NUL bytes do not occur in UTF-8 text; a few in the first 8 KB mean a binary file. */
  private static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }
}
