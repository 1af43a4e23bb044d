package io.liaison.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;

/**
 * A bilingual English/Chinese dictionary for query translation, compiled at build time from ECDICT
 * and CC-CEDICT ({@link LexiconCompiler}).
 *
 * <pre>{@code
 * Lexicon lexicon = Lexicon.defaultLexicon();
 * lexicon.toChinese("Liaisons");   // [联络 1.0]: case and inflection resolved
 * lexicon.toEnglish("联络");        // [liaison ..., ...]
 * }</pre>
 *
 * <p>Weights of one term's translations are sorted descending and sum to at most 1: exactly 1 for
 * curated entries, 0.3 for entries ECDICT knows only from the web. Thread-safe; its entries never
 * change, and {@link #otherSpellings} keeps each headword's answer once worked out.
 */
public final class Lexicon {
  /** Lucene's minimal English stemmer on a whole word: plural endings only. */
  private static final Analyzer PLURALS = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String field) {
      Tokenizer word = new KeywordTokenizer();
      return new TokenStreamComponents(word, new EnglishMinimalStemFilter(word));
    }
  };

  /** Compiled once: {@link #toChinese} runs for every English word and span of every query. */
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final int longestPhrase;
  private final int longestChinese;
  private final Terms english;
  private final Terms chinese;
  private final Postings toChinese;
  private final Postings toEnglish;
  private final Terms inflected;
  private final int[] lemma;
  private final Terms acronyms;
  /** {@link #otherSpellings} of each headword, filled in as they are asked for. */
  private final List<String>[] spellings;

  private Lexicon(
      int longestPhrase,
      int longestChinese,
      Terms english,
      Terms chinese,
      Postings toChinese,
      Postings toEnglish,
      Terms inflected,
      int[] lemma,
      Terms acronyms) {
    this.longestPhrase = longestPhrase;
    this.longestChinese = longestChinese;
    this.english = english;
    this.chinese = chinese;
    this.toChinese = toChinese;
    this.toEnglish = toEnglish;
    this.inflected = inflected;
    this.lemma = lemma;
    this.acronyms = acronyms;
    @SuppressWarnings("unchecked")
    List<String>[] cache = new List[english.size()];
    this.spellings = cache;
  }

  private static final class Holder {
    static final Lexicon DEFAULT = loadDefault();

    private static Lexicon loadDefault() {
      String name = "io/liaison/lexicon/" + LexiconFormat.RESOURCE;
      try (InputStream in = Lexicon.class.getResourceAsStream(LexiconFormat.RESOURCE)) {
        if (in == null) {
          throw new UncheckedIOException(
              new IOException(
                  "bundled lexicon resource " + name + " is missing; rebuild liaison-core with Maven"));
        }
        return load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read bundled lexicon resource " + name, e);
      }
    }
  }

  /** The lexicon bundled in the jar, loaded on first use. */
  public static Lexicon defaultLexicon() {
    return Holder.DEFAULT;
  }

  /** Reads a lexicon written by {@link LexiconCompiler} (gzip-compressed). */
  public static Lexicon load(InputStream in) throws IOException {
    byte[] data = new GZIPInputStream(in, 1 << 16).readAllBytes();
    Cursor c = new Cursor(data);
    if (c.readInt() != LexiconFormat.MAGIC) {
      throw new IOException("not a Liaison lexicon (bad magic)");
    }
    int version = c.readInt();
    if (version != LexiconFormat.VERSION) {
      throw new IOException("unsupported lexicon version " + version);
    }
    int longestPhrase = c.readInt();
    int longestChinese = c.readInt();
    Terms english = c.readTerms();
    Terms chinese = c.readTerms();
    Postings toChinese = c.readPostings(english.size());
    Postings toEnglish = c.readPostings(chinese.size());
    Terms inflected = c.readTerms();
    int[] lemma = new int[inflected.size()];
    for (int i = 0; i < lemma.length; i++) {
      lemma[i] = c.readVInt();
    }
    Terms acronyms = c.readTerms();
    return new Lexicon(
        longestPhrase, longestChinese, english, chinese, toChinese, toEnglish, inflected, lemma, acronyms);
  }

  /**
   * Chinese translations of an English word or phrase, best first; case, spacing and inflection
   * (liaisons, cooperated) are resolved. Empty if unknown.
   */
  public List<Translation> toChinese(String english) {
    String key = SPACES.matcher(english.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
    int id = entryId(key);
    return id < 0 ? List.of() : toChinese.list(id, chinese);
  }

  /** The entry of a normalised key, -1 if none. */
  private int entryId(String key) {
    int id = englishId(key);
    if (id < 0 && key.indexOf(' ') > 0) {
      // "international trades": lemmatise word by word and retry.
      String[] words = key.split(" ");
      for (int i = 0; i < words.length; i++) {
        int f = inflected.find(words[i]);
        if (f >= 0) {
          words[i] = this.english.term(lemma[f]);
        }
      }
      id = this.english.find(String.join(" ", words));
    }
    return id;
  }

  /**
   * The other ways an English compound of two parts is written: the closed form of an open one
   * ({@code meta data}: metadata, {@code work flow}: workflow) and the open form of a closed or
   * hyphenated one ({@code metadata}: meta data, {@code hardlinks}: hard links, {@code email}: e
   * mail, for e-mail). Writers differ on these (the Debian Reference writes "meta data" and "boot
   * strap", the dictionary metadata and bootstrap), and in indexed text a hyphen is a space, so the
   * open form covers the hyphenated one. Empty when there is none; case and inflection are resolved
   * as in {@link #toChinese}.
   *
   * <p>Two words are a spelling of one when the dictionary lists both forms (hard links beside
   * hardlinks' parts, e-mail beside email), or when it lists the closed form and both parts and the
   * compound is a kind of its second part: a translation of the one holds a translation of the
   * other, or is held in one (metadata: 元数据, data: 数据; workflow: 工作流程, flow: 流程). That keeps
   * "car pet" from carpet (地毯; 宠物), "there fore" from therefore (因此), and "compress ion" from
   * compression (压缩; 离子).
   *
   * <p>An open compound whose closed form the dictionary does not list at all is written closed too
   * when both parts are words of three letters or more and neither is a function word (hard links:
   * hardlinks, cron job: cronjob): technical writers close compounds the dictionary keeps open, and a
   * closed form that is no word in any text costs a search nothing. A closed word the dictionary
   * does list has the meaning it gives there, which is why carpet must still pass the test above.
   */
  public List<String> otherSpellings(String word) {
    String key = SPACES.matcher(word.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
    int id = english.find(key);
    if (id < 0) {
      return spellings(key);
    }
    // Asked for every translation of every query word: worked out once per word. Two threads that
    // miss at once compute the same immutable list; either may stay.
    List<String> known = spellings[id];
    if (known == null) {
      known = spellings(key);
      spellings[id] = known;
    }
    return known;
  }

  private List<String> spellings(String key) {
    int space = key.indexOf(' ');
    if (space > 0) {
      String first = key.substring(0, space);
      String second = key.substring(space + 1);
      String closed = first + second;
      if (second.indexOf(' ') >= 0 || !isLetters(closed)) {
        return List.of();
      }
      if (FunctionWords.english().contains(first) || FunctionWords.english().contains(second)) {
        return List.of();
      }
      int compound = englishId(closed);
      if (compound < 0) {
        return first.length() >= MIN_PART && second.length() >= MIN_PART && lemmaId(first) >= 0 && lemmaId(second) >= 0
            ? List.of(closed) : List.of();
      }
      return entryId(key) >= 0 || composes(compound, first, second) ? List.of(closed) : List.of();
    }
    if (key.length() < MIN_CLOSED_COMPOUND || !isLetters(key)) {
      return List.of();
    }
    int compound = englishId(key);
    List<String> out = new ArrayList<>(1);
    List<String> guessed = new ArrayList<>(1);
    // The second part has at least three letters: "e-mail" splits after one, and no compound the
    // dictionary lists ends in a word of two that a closed spelling would stand for. A function
    // word is no part (with out, an other: the dictionary lists some of these as old
    // spellings, but in text they are two words that happen to meet). Each split costs a lookup
    // of its first part, and only a word goes on.
    for (int i = 1; i <= key.length() - MIN_PART; i++) {
      String first = key.substring(0, i);
      String second = key.substring(i);
      if (i == 1) {
        // A letter and a word: only as the dictionary hyphenates them (e-mail, x-ray).
        if (english.find(first + "-" + second) >= 0) {
          out.add(first + " " + second);
        }
        continue;
      }
      if (lemmaId(first) < 0 || FunctionWords.english().contains(first) || FunctionWords.english().contains(second)) {
        continue;
      }
      // Hyphenated, only a letter and a word (above): ECDICT also lists words cut into syllables
      // (compress-ion, pack-age), whose second part may be a word of its own (ion, age).
      if (english.find(first + " " + second) >= 0) {
        out.add(first + " " + second);
      } else if (compound >= 0 && i >= MIN_PART && composes(compound, first, second)) {
        guessed.add(first + " " + second);
      }
    }
    // A split the dictionary lists wins over one that only composes (screen saver: screens aver).
    return List.copyOf(out.isEmpty() ? guessed : out);
  }

  /** Shorter single words are never listed as two words: {@code into}, {@code upon}. */
  private static final int MIN_CLOSED_COMPOUND = 5;
  /** The shortest part of a closed compound that is not listed as two words. */
  private static final int MIN_PART = 3;

  /**
   * True if the compound is a kind of its second part, as English compounds are (metadata is data,
   * a workflow a flow): a translation of the compound holds a translation of the second part, or is
   * held in one, and is not the same (alloc, allocation: 分配, is the word shortened). The first
   * part must be a word too. A word whose first part is its stem and the rest a suffix that is also
   * a word (compress ion, pack age) does not pass: 压缩 holds no 离子.
   */
  private boolean composes(int compound, String first, String second) {
    int head = lemmaId(second);
    if (head < 0 || lemmaId(first) < 0) {
      return false;
    }
    List<Translation> whole = toChinese.list(compound, chinese);
    for (Translation p : toChinese.list(head, chinese)) {
      for (Translation w : whole) {
        if (!w.text().equals(p.text()) && (w.text().contains(p.text()) || p.text().contains(w.text()))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isLetters(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return !word.isEmpty();
  }

  private int englishId(String key) {
    int id = lemmaId(key);
    if (id >= 0 || !key.endsWith("s")) {
      return id; // the stemmer below changes only words ending in s: most spans of a query skip it
    }
    // A plural ECDICT does not list (checksums, callbacks, newlines: it lists inflections for
    // common words only): its singular, by Lucene's minimal English stemmer, which only removes
    // plural endings and so never turns one word into another.
    String singular = singular(key);
    return singular.length() < key.length() && singular.length() >= 3 ? lemmaId(singular) : -1;
  }

  private static String singular(String word) {
    try (TokenStream ts = PLURALS.tokenStream("", word)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      String out = ts.incrementToken() ? term.toString() : word;
      ts.end();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int lemmaId(String key) {
    int id = english.find(key);
    if (id >= 0) {
      return id;
    }
    int f = inflected.find(key);
    return f >= 0 ? lemma[f] : -1;
  }

  /** English translations of a Simplified Chinese word, best first. Empty if unknown. */
  public List<Translation> toEnglish(String chinese) {
    int id = this.chinese.find(chinese.strip());
    return id < 0 ? List.of() : toEnglish.list(id, english);
  }

  /**
   * True if ECDICT knows this English word only as an acronym (DOC, SRC): a query that writes it in
   * lower case means something else, usually a name in code ({@code doc}, {@code src}).
   */
  public boolean isAcronymOnly(String english) {
    return acronyms.find(english.strip().toLowerCase(Locale.ROOT)) >= 0;
  }

  /**
   * False when {@link #toChinese} finds nothing for any span of two or more words that begins with
   * {@code word} (lower case, no space): no entry, inflected form or lemma begins with it, and the
   * forms {@code toChinese} tries for a span (its plural's singular, its words' lemmas) keep the
   * first word or turn it into its lemma. Lets a caller that tries the spans at every word of a
   * text skip some of them.
   */
  public boolean mayBeginEnglishSpan(String word) {
    String first = word + " ";
    if (english.hasPrefix(first) || inflected.hasPrefix(first)) {
      return true;
    }
    int f = inflected.find(word);
    return f >= 0 && english.hasPrefix(english.term(lemma[f]) + " ");
  }

  /** The longest English entry, in words: a query translator can try longest match first. */
  public int longestEnglishPhrase() {
    return longestPhrase;
  }

  /** The longest Chinese entry, in characters (code points). */
  public int longestChineseEntry() {
    return longestChinese;
  }

  /** Number of English headwords (inflected forms that map to a lemma are not counted). */
  public int englishEntries() {
    return english.size();
  }

  /**
   * The single English words the lexicon holds, headwords and the inflected forms it maps to them
   * ({@code economic}, {@code organisations}), that begin with {@code prefix} and that {@code
   * pattern} accepts: at most {@code max} of them, headwords first, each group in sorted order. A
   * caller that must know whether there are more asks for one more than it will use.
   *
   * <p>It reads the sorted terms the lexicon holds anyway, where they are: nothing is built at
   * load time or kept for it. A call costs a binary search and a walk through the words that begin
   * with {@code prefix}, each given up at the first character {@code pattern} refuses; an empty
   * prefix walks all of them (about 700 000).
   */
  public List<String> englishWords(String prefix, CharacterRunAutomaton pattern, int max) {
    List<String> out = new ArrayList<>();
    english.matching(prefix, pattern, max, out);
    inflected.matching(prefix, pattern, max, out);
    return out;
  }

  /** Number of distinct Chinese words. */
  public int chineseEntries() {
    return chinese.size();
  }

  /** Sorted terms stored as one string with offsets: a few objects instead of a million. */
  private static final class Terms {
    private final String blob;
    private final int[] start; // size + 1 entries; term i ends one before start[i + 1]

    Terms(String blob, int count) {
      this.blob = blob;
      this.start = new int[count + 1];
      // indexOf is an intrinsic: fast even before the JIT compiles this loop, which runs once.
      int t = 0;
      for (int i = blob.indexOf('\n'); i >= 0 && t < count; i = blob.indexOf('\n', i + 1)) {
        start[++t] = i + 1;
      }
      start[count] = blob.length() + 1;
    }

    int size() {
      return start.length - 1;
    }

    String term(int i) {
      return blob.substring(start[i], start[i + 1] - 1);
    }

    int find(String key) {
      int lo = 0;
      int hi = size() - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int cmp = compare(mid, key);
        if (cmp < 0) {
          lo = mid + 1;
        } else if (cmp > 0) {
          hi = mid - 1;
        } else {
          return mid;
        }
      }
      return -1;
    }

    /**
     * Adds to {@code out}, while it holds fewer than {@code max}, the terms that begin with {@code
     * prefix}, hold no space and are accepted by {@code pattern}.
     */
    void matching(String prefix, CharacterRunAutomaton pattern, int max, List<String> out) {
      for (int i = firstAtLeast(prefix); i < size() && out.size() < max && startsWith(i, prefix); i++) {
        if (accepts(i, pattern)) {
          out.add(term(i));
        }
      }
    }

    /** The first term not before {@code key}, or {@link #size} when there is none. */
    private int firstAtLeast(String key) {
      int lo = 0;
      int hi = size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (compare(mid, key) < 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** Whether some term begins with {@code prefix}. */
    boolean hasPrefix(String prefix) {
      int i = firstAtLeast(prefix);
      return i < size() && startsWith(i, prefix);
    }

    private boolean startsWith(int i, String prefix) {
      return start[i + 1] - 1 - start[i] >= prefix.length() && blob.startsWith(prefix, start[i]);
    }

    /** Runs term {@code i} through {@code pattern} in place; a phrase (a space) is not a word. */
    private boolean accepts(int i, CharacterRunAutomaton pattern) {
      int state = 0;
      int end = start[i + 1] - 1;
      for (int k = start[i]; k < end; ) {
        int c = blob.codePointAt(k);
        if (c == ' ') {
          return false;
        }
        state = pattern.step(state, c);
        if (state < 0) {
          return false;
        }
        k += Character.charCount(c);
      }
      return pattern.isAccept(state);
    }

    /** Same order as {@link String#compareTo}. */
    private int compare(int i, String key) {
      int from = start[i];
      int len = start[i + 1] - 1 - from;
      int n = Math.min(len, key.length());
      for (int k = 0; k < n; k++) {
        char a = blob.charAt(from + k);
        char b = key.charAt(k);
        if (a != b) {
          return a - b;
        }
      }
      return len - key.length();
    }
  }

  /** Per-term slices of parallel target/weight arrays. */
  private record Postings(int[] start, int[] target, float[] weight) {
    List<Translation> list(int id, Terms targets) {
      int from = start[id];
      int to = start[id + 1];
      List<Translation> out = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        out.add(new Translation(targets.term(target[i]), weight[i]));
      }
      return Collections.unmodifiableList(out);
    }
  }

  /** Reads the decompressed payload without per-byte stream calls. */
  private static final class Cursor {
    private final byte[] data;
    private int pos;

    Cursor(byte[] data) {
      this.data = data;
    }

    int readInt() throws IOException {
      if (pos + 4 > data.length) {
        throw new IOException("truncated lexicon");
      }
      int v =
          ((data[pos] & 0xFF) << 24)
              | ((data[pos + 1] & 0xFF) << 16)
              | ((data[pos + 2] & 0xFF) << 8)
              | (data[pos + 3] & 0xFF);
      pos += 4;
      return v;
    }

    int readVInt() {
      int b = data[pos++];
      int v = b & 0x7F;
      for (int shift = 7; b < 0; shift += 7) {
        b = data[pos++];
        v |= (b & 0x7F) << shift;
      }
      return v;
    }

    Terms readTerms() throws IOException {
      int count = readInt();
      int length = readInt();
      if (length < 0 || pos + length > data.length) {
        throw new IOException("truncated lexicon");
      }
      String blob = new String(data, pos, length, StandardCharsets.UTF_8);
      pos += length;
      return new Terms(blob, count);
    }

    Postings readPostings(int terms) throws IOException {
      int[] start = new int[terms + 1];
      int[] target = new int[Math.max(16, terms * 2)];
      float[] weight = new float[target.length];
      int n = 0;
      try {
        for (int t = 0; t < terms; t++) {
          start[t] = n;
          int count = readVInt();
          if (n + count > target.length) {
            int grow = Math.max(n + count, target.length + (target.length >> 1));
            target = java.util.Arrays.copyOf(target, grow);
            weight = java.util.Arrays.copyOf(weight, grow);
          }
          for (int k = 0; k < count; k++) {
            target[n] = readVInt();
            weight[n] = LexiconFormat.dequantise(((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF));
            pos += 2;
            n++;
          }
        }
      } catch (ArrayIndexOutOfBoundsException e) {
        throw new IOException("truncated lexicon", e);
      }
      start[terms] = n;
      return new Postings(
          start, java.util.Arrays.copyOf(target, n), java.util.Arrays.copyOf(weight, n));
    }
  }
}
