package io.liaison.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.parser.mail.RFC822Parser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.microsoft.rtf.RTFParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.txt.TXTParser;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads the binary and structured formats through Tika's parsers: PDF (its text layer), DOCX, ODT,
 * RTF and e-mail. Each parser is built by type for its extension, so no service lookup decides what
 * reads a file. Thread-safe: Tika parsers keep no per-parse state.
 */
final class TikaExtractor {

  /** Title and text of a document. */
  record Text(String title, String body) {}

  /** Characters kept per document; the rest of a giant file is dropped, not the file. */
  static final int MAX_BODY_CHARS = 10_000_000;

  private final Map<String, Parser> byExtension = Map.of(
      "pdf", new PDFParser(),
      "docx", new OOXMLParser(),
      "odt", new OpenDocumentParser(),
      "rtf", new RTFParser(),
      "eml", new RFC822Parser());

  /** Parses the parts inside a document (an e-mail's text and HTML bodies, its attachments). */
  private final Parser embedded = new CompositeParser(MediaTypeRegistry.getDefaultRegistry(),
      new TXTParser(), new JSoupParser(), new PDFParser(), new OOXMLParser(), new OpenDocumentParser(), new RTFParser());

  boolean handles(String extension) {
    return byExtension.containsKey(extension);
  }

  Text extract(String extension, byte[] bytes) throws IOException {
    Parser parser = byExtension.get(extension);
    if (parser == null) {
      throw new UnsupportedFileException("unsupported file type '." + extension + "'");
    }
    BodyContentHandler handler = new BodyContentHandler(MAX_BODY_CHARS);
    Metadata metadata = new Metadata();
    ParseContext context = new ParseContext();
    context.set(Parser.class, embedded);
    try (InputStream in = TikaInputStream.get(bytes)) {
      parser.parse(in, handler, metadata, context);
    } catch (EncryptedDocumentException e) {
      throw new UnsupportedFileException("encrypted ." + extension + " file: no password to read it with");
    } catch (SAXException e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        throw new UnsupportedFileException("malformed ." + extension + " file: " + rootMessage(e));
      }
    } catch (TikaException | IOException | RuntimeException e) {
      // The input is a byte array, so an IOException is the content's fault, never the disk's.
      throw new UnsupportedFileException("corrupt or unreadable ." + extension + " file: " + rootMessage(e));
    }
    String title = metadata.get(TikaCoreProperties.TITLE);
    return new Text(title == null ? "" : title.strip(), handler.toString().strip());
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }
}
