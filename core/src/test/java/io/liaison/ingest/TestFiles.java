package io.liaison.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Builds real files of every format the extractor reads, byte for byte, for the tests. */
public final class TestFiles {
  private TestFiles() {}

  /** Text in the given charset with an optional BOM. */
  public static byte[] text(String text, Charset charset, boolean bom) {
    byte[] body = text.getBytes(charset);
    byte[] mark = !bom ? new byte[0]
        : charset.equals(StandardCharsets.UTF_8) ? new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}
        : charset.equals(StandardCharsets.UTF_16LE) ? new byte[] {(byte) 0xFF, (byte) 0xFE}
        : new byte[] {(byte) 0xFE, (byte) 0xFF};
    byte[] out = new byte[mark.length + body.length];
    System.arraycopy(mark, 0, out, 0, mark.length);
    System.arraycopy(body, 0, out, mark.length, body.length);
    return out;
  }

  /** A one-page PDF with a text layer, in Helvetica (so Latin text only: no CJK font is bundled). */
  public static byte[] pdf(String title, String line) {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        cs.newLineAtOffset(72, 700);
        cs.showText(line);
        cs.endText();
      }
      doc.getDocumentInformation().setTitle(title);
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A minimal DOCX: content types, the package relationship, core properties and one paragraph per line. */
  public static byte[] docx(String title, String... paragraphs) {
    StringBuilder body = new StringBuilder();
    for (String p : paragraphs) {
      body.append("<w:p><w:r><w:t xml:space=\"preserve\">").append(xml(p)).append("</w:t></w:r></w:p>");
    }
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("[Content_Types].xml", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>""");
    parts.put("_rels/.rels", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Target="word/document.xml" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>\
        <Relationship Id="rId2" Target="docProps/core.xml" \
        Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"/>\
        </Relationships>""");
    parts.put("docProps/core.xml", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>%s</dc:title></cp:coreProperties>""".formatted(xml(title)));
    parts.put("word/document.xml", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>"""
        .formatted(body));
    return zip(parts, null);
  }

  /** A minimal ODT: the stored mimetype first, the manifest, meta.xml with the title and content.xml. */
  public static byte[] odt(String title, String heading, String paragraph) {
    String office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("META-INF/manifest.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">\
        <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>\
        <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\
        <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>\
        </manifest:manifest>""");
    parts.put("meta.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-meta xmlns:office="%s" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2">\
        <office:meta><dc:title>%s</dc:title></office:meta></office:document-meta>""".formatted(office, xml(title)));
    parts.put("content.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content xmlns:office="%s" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        office:version="1.2"><office:body><office:text><text:h text:outline-level="1">%s</text:h>\
        <text:p>%s</text:p></office:text></office:body></office:document-content>"""
        .formatted(office, xml(heading), xml(paragraph)));
    return zip(parts, "application/vnd.oasis.opendocument.text");
  }

  /** RTF as Word writes Chinese: code page 936 and each GBK byte as a {@code \'hh} escape. */
  public static byte[] rtfGbk(String chinese, String english) {
    StringBuilder escaped = new StringBuilder();
    for (byte b : chinese.getBytes(Charset.forName("GBK"))) {
      escaped.append(String.format("\\'%02x", b & 0xff));
    }
    String rtf = "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\\f0 "
        + escaped + "\\par " + english + "\\par}";
    return rtf.getBytes(StandardCharsets.US_ASCII);
  }

  /** An e-mail with an RFC 2047 UTF-8 subject and a base64 body in the given charset. */
  public static byte[] eml(String subject, String body, Charset charset) {
    String b64Subject = Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8));
    String mail = "From: Liaison Test <test@example.org>\r\n"
        + "To: reader@example.org\r\n"
        + "Subject: =?UTF-8?B?" + b64Subject + "?=\r\n"
        + "Date: Mon, 2 Mar 2026 10:00:00 +0800\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=" + charset.name() + "\r\n"
        + "Content-Transfer-Encoding: base64\r\n\r\n"
        + Base64.getMimeEncoder().encodeToString(body.getBytes(charset)) + "\r\n";
    return mail.getBytes(StandardCharsets.US_ASCII);
  }

  /** The first {@code n} bytes: a download cut short. */
  public static byte[] truncated(byte[] bytes, int n) {
    byte[] out = new byte[Math.min(n, bytes.length)];
    System.arraycopy(bytes, 0, out, 0, out.length);
    return out;
  }

  /** Deterministic pseudo-random bytes: a binary file under a document's name. */
  public static byte[] junk(int n, long seed) {
    byte[] out = new byte[n];
    new java.util.Random(seed).nextBytes(out);
    return out;
  }

  private static byte[] zip(Map<String, String> parts, String storedMimetype) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
      if (storedMimetype != null) {
        // ODF requires the mimetype entry first and uncompressed.
        byte[] m = storedMimetype.getBytes(StandardCharsets.US_ASCII);
        ZipEntry e = new ZipEntry("mimetype");
        e.setMethod(ZipEntry.STORED);
        e.setSize(m.length);
        CRC32 crc = new CRC32();
        crc.update(m);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(m);
        zip.closeEntry();
      }
      for (Map.Entry<String, String> part : parts.entrySet()) {
        zip.putNextEntry(new ZipEntry(part.getKey()));
        zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      zip.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
