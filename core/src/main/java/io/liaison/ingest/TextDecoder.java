package io.liaison.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the bytes of a text or HTML file whose encoding nobody wrote down reliably.
 *
 * <p>Order: a byte-order mark; then a declaration in the file ({@code <meta charset>}, an
 * http-equiv {@code Content-Type}, an XML prolog); then UTF-16 recognised by its NUL bytes; then
 * strict UTF-8; then GB18030 or Big5, whichever decodes without error and yields the larger share of
 * characters from that encoding's block of frequent characters, unless that reading does not look
 * Chinese and a windows-1252 one (which covers ISO-8859-1) looks Western ({@link WesternEvidence}).
 * A BOM goes before a declaration because editors that re-save a page as UTF-8 add the BOM but
 * leave a stale {@code gb2312} meta tag; browsers decide the same way. General-purpose detectors (ICU's CharsetDetector included) were
 * measured undecided between GB18030 and Big5 on titles of four to eight characters, which is what
 * government pages often are, hence the frequent-block test. Stateless and thread-safe.
 */
final class TextDecoder {

  /** The chosen charset and the decoded text (BOM removed). */
  record Decoded(Charset charset, String text, String how) {}

  static final Charset GB18030 = Charset.forName("GB18030");
  static final Charset BIG5 = Charset.forName("Big5");
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Charset GB2312 = Charset.forName("GB2312");

  private static final int SNIFF_BYTES = 4096;
  private static final Pattern META_CHARSET =
      Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:\\-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_ENCODING =
      Pattern.compile("^\\s*<\\?xml[^>]+encoding\\s*=\\s*[\"']([A-Za-z0-9._:\\-]+)[\"']");

  private TextDecoder() {}

  /** Decodes bytes, looking for an in-file declaration only when {@code markup} is true. */
  static Decoded decode(byte[] bytes, boolean markup) {
    Decoded bom = byBom(bytes);
    if (bom != null) {
      return bom;
    }
    if (markup) {
      Optional<Charset> declared = declared(bytes);
      if (declared.isPresent()) {
        return new Decoded(declared.get(), new String(bytes, declared.get()), "declared");
      }
    }
    Charset utf16 = utf16ByNuls(bytes);
    if (utf16 != null) {
      return new Decoded(utf16, new String(bytes, utf16), "utf-16 without BOM");
    }
    String utf8 = strict(bytes, StandardCharsets.UTF_8);
    if (utf8 != null) {
      return new Decoded(StandardCharsets.UTF_8, utf8, "valid utf-8");
    }
    Decoded chinese = chinese(bytes);
    // Neither decodes cleanly: a damaged file, if Chinese. GB18030 maps every byte sequence, so it loses least.
    Decoded reading = chinese != null ? chinese : new Decoded(GB18030, new String(bytes, GB18030), "fallback");
    if (WesternEvidence.looksChinese(reading.text(), reading.charset(), chinese == null)) {
      return reading;
    }
    String western = strict(bytes, WINDOWS_1252);
    if (western != null
        && (WesternEvidence.looksWestern(western) || chinese == null && WesternEvidence.mostlyAlone(western))) {
      return new Decoded(WINDOWS_1252, western, "detected");
    }
    return reading;
  }

  /** GB18030 or Big5 by their frequent characters, or null when neither decodes without error. */
  private static Decoded chinese(byte[] bytes) {
    String gb = strict(bytes, GB18030);
    String big5 = strict(bytes, BIG5);
    if (big5 != null && (gb == null || frequentShare(big5, BIG5, 0xA4, 0xC6) > frequentShare(gb, GB2312, 0xB0, 0xD7))) {
      return new Decoded(BIG5, big5, "detected");
    }
    return gb == null ? null : new Decoded(GB18030, gb, "detected");
  }

  private static Decoded byBom(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return new Decoded(StandardCharsets.UTF_8, new String(b, 3, b.length - 3, StandardCharsets.UTF_8), "BOM");
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return new Decoded(StandardCharsets.UTF_16BE, new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), "BOM");
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return new Decoded(StandardCharsets.UTF_16LE, new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), "BOM");
    }
    return null;
  }

  /** A charset named in the first 4 KB by a meta tag or XML prolog, if Java knows it. */
  static Optional<Charset> declared(byte[] bytes) {
    // Declarations are ASCII in every encoding we accept except UTF-16, which has a BOM or NULs.
    String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = XML_ENCODING.matcher(head);
    String name = m.find() ? m.group(1) : null;
    if (name == null) {
      Matcher meta = META_CHARSET.matcher(head);
      name = meta.find() ? meta.group(1) : null;
    }
    if (name == null) {
      return Optional.empty();
    }
    try {
      Charset cs = Charset.forName(name.toLowerCase(Locale.ROOT));
      // GB2312 and GBK pages routinely contain GBK or GB18030 characters: read the superset.
      if (cs.name().equals("GB2312") || cs.name().equals("GBK") || name.equalsIgnoreCase("x-gbk")) {
        return Optional.of(GB18030);
      }
      // A page that declares UTF-16 but has no BOM was saved as ASCII-compatible bytes: the
      // declaration is wrong, so detection decides.
      if (cs.name().startsWith("UTF-16") || cs.name().startsWith("UTF-32")) {
        return Optional.empty();
      }
      return Optional.of(cs);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return Optional.empty();
    }
  }

  /** UTF-16 text of mostly ASCII or CJK has a NUL in most even or most odd byte positions. */
  private static Charset utf16ByNuls(byte[] b) {
    int n = Math.min(b.length, SNIFF_BYTES) & ~1;
    if (n < 4) {
      return null;
    }
    int evenNul = 0;
    int oddNul = 0;
    for (int i = 0; i < n; i += 2) {
      if (b[i] == 0) {
        evenNul++;
      }
      if (b[i + 1] == 0) {
        oddNul++;
      }
    }
    int pairs = n / 2;
    if (evenNul * 10 >= pairs * 3 && oddNul * 10 < pairs) {
      return strict(b, StandardCharsets.UTF_16BE) != null ? StandardCharsets.UTF_16BE : null;
    }
    if (oddNul * 10 >= pairs * 3 && evenNul * 10 < pairs) {
      return strict(b, StandardCharsets.UTF_16LE) != null ? StandardCharsets.UTF_16LE : null;
    }
    return null;
  }

  static String strict(byte[] bytes, Charset charset) {
    try {
      return charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * The share of non-ASCII characters (Chinese punctuation aside) whose two-byte code in {@code block} has a lead byte in
   * {@code [lo, hi]}: GB2312 level 1 (B0-D7) and Big5's frequent characters (A4-C6) are the
   * characters real text is made of, while the same bytes read in the wrong encoding land in
   * rare-character, kana or symbol rows about half the time.
   */
  private static double frequentShare(String text, Charset block, int lo, int hi) {
    CharsetEncoder encoder = block.newEncoder();
    int letters = 0;
    int frequent = 0;
    int limit = Math.min(text.length(), 20_000);
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      // Chinese punctuation is frequent in both encodings and says nothing; any other symbol a
      // decoding produces (box drawing, kana, Greek) counts against it.
      if (c < 0x80 || Character.isWhitespace(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF)) {
        continue;
      }
      letters++;
      try {
        ByteBuffer code = encoder.encode(CharBuffer.wrap(new char[] {c}));
        int lead = code.get(0) & 0xff;
        if (code.remaining() == 2 && lead >= lo && lead <= hi) {
          frequent++;
        }
      } catch (CharacterCodingException e) {
        // not in the block: counts against
      }
    }
    return letters == 0 ? 0 : (double) frequent / letters;
  }
}
