package io.liaison.lexicon;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The bundled binary layout, gzip-compressed:
 *
 * <pre>
 * int MAGIC, int VERSION, int longestEnglishPhrase, int longestChineseEntry
 * terms(en)  terms(zh)            terms = int count, int byteLength, UTF-8 of the sorted terms joined by '\n'
 * postings(en -> zh) postings(zh -> en)
 *                                 postings = per term: vint n, then n x (vint targetId, ushort weight)
 * terms(inflected forms), then per form: vint lemma's English id
 * terms(acronym-only English headwords)
 * </pre>
 *
 * Weights are quantised to 1..65535 over (0, 1]; terms are in {@link String#compareTo} order.
 */
final class LexiconFormat {
  static final int MAGIC = 0x4C584331; // "LXC1"
  static final int VERSION = 2;
  static final String RESOURCE = "lexicon.bin.gz";

  private LexiconFormat() {}

  static int quantise(float weight) {
    return Math.max(1, Math.min(65535, Math.round(weight * 65535f)));
  }

  static float dequantise(int q) {
    return q / 65535f;
  }

  static void writeVInt(DataOutput out, int v) throws IOException {
    while ((v & ~0x7F) != 0) {
      out.writeByte((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.writeByte(v);
  }

  static int readVInt(DataInput in) throws IOException {
    int b = in.readByte();
    int v = b & 0x7F;
    for (int shift = 7; b < 0; shift += 7) {
      b = in.readByte();
      v |= (b & 0x7F) << shift;
    }
    return v;
  }
}
