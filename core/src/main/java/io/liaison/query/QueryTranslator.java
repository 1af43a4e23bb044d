package io.liaison.query;

import io.liaison.analysis.ChineseScript;
import io.liaison.lexicon.ChineseCompounds;
import io.liaison.lexicon.DocumentRenderer;
import io.liaison.lexicon.EnglishModals;
import io.liaison.lexicon.EnglishTags;
import io.liaison.lexicon.FunctionWords;
import io.liaison.lexicon.Glossary;
import io.liaison.lexicon.Lexicon;
import io.liaison.lexicon.PersonNames;
import io.liaison.lexicon.RegionalVariants;
import io.liaison.lexicon.Translation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Turns query text into concepts: each source word or phrase with its weighted translations.
 *
 * <p>Every word becomes a concept: English words are looked up in the English→Chinese direction,
 * Chinese words (after Traditional→Simplified folding) in the other, and both in the glossary and
 * the mined aliases. Multi-word units found there or among the dictionary's phrase entries ("belt
 * and road", 经济联络) become phrase concepts too, matched longest first and without overlap; they
 * add to the words' concepts, so a document that words the idea differently is still found.
 * Thread-safe.
 */
public final class QueryTranslator {
  /** The longest span, in tokens, tried as one phrase. */
  static final int MAX_SPAN = 8;
  /**
   * How many words the analyser dropped (stop words: in, to, on, of, for) a phrase may take in at
   * either end of its tokens: the particle of log in (登录), point to (指向), used in (用于), the
   * preposition of for example (例如) and at least (至少) ({@link #edgeWords}); never an
   * infinitive's to before them. A phrase so widened has at most {@link DocumentRenderer#LONGEST}
   * words, as the entries a page's rendering takes in, which keeps the lookups few: each costs a
   * few microseconds. It keeps only the translations its words lack ({@link #dropOwnSenses}).
   */
  static final int EDGE_WORDS = 2;
  /**
   * A translation's weight relative to the word the user typed. In a document that has the user's
   * word its translations add evidence, but less (a Chinese manual page naming an English option
   * is weaker evidence than the Chinese word itself); among documents in the other language, which
   * match only translations, this share alone changes no ranking (every translation is scaled
   * alike; {@link #spread} is what weighs one Chinese word's against another's). Measured on
   * bench/crosslang: at 1.0 translation lowered monolingual Chinese sentence queries below
   * no translation (MRR@10 0.547 vs 0.585); 0.5 kept cross-language figures and lost less.
   */
  static final float TRANSLATION_SHARE = 0.5f;
  /**
   * A translation guessed from a compound's parts counts half as much as the dictionary's own.
   * Measured on bench/crosslang, splitting as {@link ChineseCompounds} does: zh2en.sent MRR@10
   * 0.5295 -> 0.5334, other sets unchanged; full weight measured the same, so the cautious one.
   */
  static final float PARTS_WEIGHT = 0.5f;
  /** How many Chinese words' English translations count in full ({@link #capCrossScript}). */
  static final int CROSS_SCRIPT_WORDS = 12;
  /** Mined aliases are slightly less certain than the user's own glossary. */
  static final float ALIAS_WEIGHT = 0.9f;
  /**
   * How fast a Chinese word's English translations lose weight as they spread ({@link #spread}).
   * Measured on bench/crosslang, MRR@10, against none (0), at 8082459: zh2en.title 0.3082 -> 0.3280 (51
   * topics better, 21 worse; a paired permutation test gives p = 0.001), zh2en.sent 0.5495 ->
   * 0.5516, and the Chinese sets within ±0.004, none lower (zh2zh.title 0.2720 -> 0.2743,
   * zh2zh.sent 0.5883 -> 0.5912, s2t.sent 0.6156 -> 0.6181, t2t.title 0.2774 -> 0.2809,
   * mixed-zh.title 0.2665 -> 0.2694). At 1 (the translation probabilities of a probabilistic
   * structured query, summing to 1) zh2en.title fell to 0.3014 and zh2zh.sent to 0.5789; at 0.3
   * zh2en.title was 0.3193 and s2t.sent 0.6125.
   */
  static final double SPREAD_EXPONENT = 0.6;

  /**
   * An English word's Chinese translations weigh as the square root of their weight relative to
   * the best: {@code (weight / best)^}{@value #SENSE_EXPONENT}. The dictionary's weights come from
   * each sense's place in its entry, and the entry's first sense is often a general-language one
   * (package: 程序包 first, 软件包, the word Debian's pages use, at a quarter of it; compress: a
   * medical 敷布 before 压缩). Scaled in full, a page that uses the right but lower-ranked word
   * matched it at a quarter of the evidence; flattened, at half, while the order stays. Measured on
   * bench/crosslang, MRR@10, against 1 (the weights as they are): at 0.5 en2zh.sent 0.5510 ->
   * 0.5598, mixed-en.sent 0.6174 -> 0.6258, en2zh.title 0.2946 -> 0.2951, mixed-en.title 0.3304 ->
   * 0.3312, en2en unchanged; at 0.3 titles split (en2zh 0.2971, mixed-en 0.3242), at 0.7 less gain.
   * Not for Chinese words, whose English lists {@link #spread} already weighs: at 0.5 their sets
   * moved both ways by at most 0.002 (zh2en.sent 0.5756 -> 0.5735, zh2en.title 0.3928 -> 0.3939).
   */
  static final double SENSE_EXPONENT = 0.5;

  /**
   * An English possessive ending, {@code 's} or the bare apostrophe of {@code users'}: the
   * dictionary lists the word without it ("Print the user's login name." left user's untranslated).
   * Measured on bench/crosslang, MRR@10: en2zh.sent 0.4925 -> 0.4932, the other sets unchanged.
   */
  private static final Pattern POSSESSIVE =
      Pattern.compile("(?<=\\p{L})['’]s\\b|(?<=s)['’](?=\\s|$)");

  /**
   * English words joined by hyphens (front-end, read-only, command-line): a compound, which the
   * analyzer cuts into its words and the dictionary lists whole (前端, 只读, 命令行).
   */
  private static final Pattern HYPHENATED = Pattern.compile("\\p{L}+(?:-\\p{L}+)+");

  private final Analyzer analyzer;
  private final Supplier<Lexicon> lexicon;
  private final Supplier<Glossary> glossary;
  private final Supplier<AliasTable> aliases;
  private final CorpusNames names;

  public QueryTranslator(Analyzer analyzer, Lexicon lexicon, Supplier<Glossary> glossary, Supplier<AliasTable> aliases) {
    this(analyzer, () -> lexicon, glossary, aliases, CorpusNames.NONE);
  }

  /** As below, knowing no documents' names ({@link CorpusNames#NONE}). */
  public QueryTranslator(Analyzer analyzer, Supplier<Lexicon> lexicon, Supplier<Glossary> glossary,
      Supplier<AliasTable> aliases) {
    this(analyzer, lexicon, glossary, aliases, CorpusNames.NONE);
  }

  /**
   * With the dictionary asked for only when a query is first translated (it may still be loading on
   * another thread when the translator is made), and the documents asked how they write a Chinese
   * name that an English query gives in pinyin ({@link PinyinNames}).
   */
  public QueryTranslator(Analyzer analyzer, Supplier<Lexicon> lexicon, Supplier<Glossary> glossary,
      Supplier<AliasTable> aliases, CorpusNames names) {
    this.analyzer = analyzer;
    this.lexicon = lexicon;
    this.glossary = glossary;
    this.aliases = aliases;
    this.names = names;
  }

  /** The dictionary, for what the query syntax expands against it ({@link WildcardWords}); waits while it loads. */
  Lexicon lexicon() {
    return lexicon.get();
  }

  /** A token of the query: where it stands in the text and its analysed term. */
  record Token(int start, int end, String term) {}

  /**
   * Translates plain text (no query syntax) into concepts, one per source word or matched phrase.
   * With {@code translate} off every concept holds only the source.
   */
  public List<Concept> translate(String text, boolean translate, Set<Ablation> ablations) {
    return placed(text, translate, ablations).stream().map(Placed::concept).toList();
  }

  /**
   * A concept and the characters of the translated text it stands for, from the start of its
   * first word to the end of its last.
   */
  record Placed(Concept concept, int start, int end) {}

  /** As {@link #translate}, each concept with the text it stands for. */
  List<Placed> placed(String text, boolean translate, Set<Ablation> ablations) {
    List<Token> tokens = tokens(text);
    boolean chinese = isChinese(tokens);
    // Written in Simplified (no character that folding changes): a mainland user's words.
    boolean simplified = ChineseScript.toSimplified(text).equals(text);
    List<Concept> concepts = new ArrayList<>();
    List<int[]> spans = new ArrayList<>(); // where each concept stands in the text, in step with concepts
    int phraseStart = -1; // the tokens covered by the latest phrase concept
    int phraseEnd = -1;
    int[] phraseText = null; // the text of the pending dictionary phrase, with the stop words it took in
    int claimed = 0; // where the latest phrase's text ends: the next one takes in no word before it
    Concept pendingPhrase = null;
    boolean pendingName = false; // the pending phrase is a person's name: one concept in place of its words
    boolean pendingCharacters = false; // the pending phrase is all single characters: one concept too
    EnglishTags englishTags = null; // the text's parts of speech, read where a phrase needs them
    for (int i = 0; i < tokens.size(); i++) {
      // Longest multi-word unit starting here, not overlapping the previous one.
      // The analyser drops stop words, so a phrase that starts or ends with one (log in, according
      // to, by default) has them taken in from the text around its tokens, longest first.
      if (translate && i > phraseEnd && !ablations.contains(Ablation.PHRASES)) {
        List<Integer> before = wordsBefore(text, tokens, i, claimed); // the same for every span from i
        search:
        for (int j = Math.min(tokens.size() - 1, i + MAX_SPAN - 1); j >= i; j--) {
          for (int[] span : spansAround(text, tokens, i, j, before)) {
            boolean edged = span[0] != tokens.get(i).start() || span[1] != tokens.get(j).end();
            if (!edged && (j == i || onlyFunctionWords(tokens, i, j))) {
              continue;
            }
            Map<String, Alternative> found = new LinkedHashMap<>();
            lookUp(text.substring(span[0], span[1]), true, chinese, simplified, ablations, found);
            if (edged && !found.isEmpty()) {
              dropOwnSenses(text, tokens, i, j, chinese, simplified, ablations, found);
            }
            if (!found.isEmpty() && !chinese) {
              // files in a directory: a noun and its preposition, not the phrasal verb (鱼贯而入)
              if (englishTags == null) {
                englishTags = EnglishTags.of(text);
              }
              if (englishTags.nounBeforePreposition(span[0], span[1])) {
                continue;
              }
            }
            if (!found.isEmpty()) {
              pendingPhrase = concept(text.substring(span[0], span[1]), found, ablations, true);
              pendingCharacters = !edged && allLoneHanCharacters(text, tokens, i, j);
              phraseStart = i;
              phraseEnd = j;
              phraseText = span;
              break search;
            }
          }
        }
      }
      // A person's name, where no word the dictionary, glossary or corpus knows starts or goes on
      // (解析, parse, cut 解|析, is no name): its characters become one concept, as a word cut
      // into characters does below, with its pinyin as the translation.
      int name = translate && i > phraseEnd ? personName(text, tokens, i) : 0;
      if (name > 0) {
        String source = text.substring(tokens.get(i).start(), tokens.get(i + name - 1).end());
        String pinyin = PersonNames.pinyin(ChineseScript.toSimplified(source));
        Map<String, Alternative> pinyinOnly = new LinkedHashMap<>();
        pinyinOnly.put(pinyin, new Alternative(pinyin, 1f, Origin.PINYIN, List.of()));
        pendingPhrase = concept(source, pinyinOnly, ablations, true);
        pendingName = true;
        phraseText = null;
        phraseStart = i;
        phraseEnd = i + name - 1;
      }
      // A Chinese person's name in pinyin (Liu Jianchao), written in characters as the documents
      // write it (刘建超): one concept in place of its words, as a Chinese name is, whose glosses
      // are noise for a name (Liu: 线路接口单元, line interface unit; Yi: 彝人, the Yi people).
      PinyinNames.Found written = translate && !chinese && i > phraseEnd
          ? PinyinNames.at(text, tokens, i, lexicon.get(), names) : null;
      if (written != null) {
        String source = text.substring(tokens.get(i).start(), tokens.get(i + written.tokens() - 1).end());
        int most = written.written().values().iterator().next();
        Map<String, Alternative> characters = new LinkedHashMap<>();
        // The likelier spelling is the one more documents hold: weighed as an English word's
        // senses are (SENSE_EXPONENT), against the best.
        written.written().forEach((han, documents) -> characters.put(han,
            new Alternative(han, (float) Math.pow((double) documents / most, SENSE_EXPONENT), Origin.PINYIN, List.of())));
        for (String english : written.inEnglish()) {
          characters.put(english, new Alternative(english, 1f, Origin.PINYIN, List.of()));
        }
        pendingPhrase = concept(source, characters, ablations, true);
        pendingName = true;
        phraseText = null;
        phraseStart = i;
        phraseEnd = i + written.tokens() - 1;
      }
      Map<String, Alternative> nestedFound = new LinkedHashMap<>();
      int nested = translate && pendingPhrase != null && !pendingName && !pendingCharacters && i <= phraseEnd
          ? nestedWord(text, tokens, i, phraseEnd, chinese, simplified, ablations, nestedFound)
          : i;
      if (nested > i) {
        // Inside a longer phrase the dictionary knows (分页程序, paging routine), characters the
        // segmenter cut from a word of their own (分|页: 分页, page) are that word, one concept as a
        // word cut into characters is below, not characters left untranslated.
        String source = text.substring(tokens.get(i).start(), tokens.get(nested).end());
        Concept cut = concept(source, nestedFound, ablations, true);
        concepts.add(new Concept(cut.source(), cut.alternatives(), false));
        spans.add(new int[] {tokens.get(i).start(), tokens.get(nested).end()});
        i = nested;
      } else {
        String word = text.substring(tokens.get(i).start(), tokens.get(i).end());
        Map<String, Alternative> found = new LinkedHashMap<>();
        if (translate && !chinese && EnglishModals.standsAsModal(text, tokens.get(i).start(), tokens.get(i).end())) {
          modalSenses(word, found); // you can use: 可以, not 罐头 (tin can)
        } else if (translate && !(i <= phraseEnd && isLoneHanCharacter(word))) {
          lookUp(word, false, chinese, simplified, ablations, found);
        }
        concepts.add(concept(word, found, ablations, false));
        spans.add(new int[] {tokens.get(i).start(), tokens.get(i).end()});
      }
      if (i == phraseEnd && pendingPhrase != null) {
        int[] span = phraseText != null ? phraseText : new int[] {tokens.get(phraseStart).start(), tokens.get(phraseEnd).end()};
        claimed = span[1];
        if (pendingName || pendingCharacters) {
          // A word the segmenter cut into single characters (軟體, software, folds to 软体, which
          // SmartCN splits into 软 and 体): one concept, the characters found together, not each
          // on its own (软 alone is in 軟性飲料, soft drinks; 体 in 記憶體, memory).
          concepts.subList(concepts.size() - (phraseEnd - phraseStart + 1), concepts.size()).clear();
          spans.subList(spans.size() - (phraseEnd - phraseStart + 1), spans.size()).clear();
          concepts.add(new Concept(pendingPhrase.source(), pendingPhrase.alternatives(), false));
        } else {
          concepts.add(pendingPhrase);
        }
        spans.add(span);
        pendingPhrase = null;
        phraseText = null;
        pendingName = false;
        pendingCharacters = false;
      }
    }
    List<Concept> weighed = ablations.contains(Ablation.WEIGHTING) ? concepts : capCrossScript(concepts);
    List<Placed> placed = new ArrayList<>(weighed.size());
    for (int c = 0; c < weighed.size(); c++) {
      placed.add(new Placed(weighed.get(c), spans.get(c)[0], spans.get(c)[1]));
    }
    return placed;
  }

  /**
   * The senses of a modal verb where it stands as one ({@link EnglishModals}): the first at the
   * top weight, the others flattened by rank as an English word's senses are ({@link
   * #SENSE_EXPONENT}). None of them has a Taiwan form of its own.
   */
  private static void modalSenses(String word, Map<String, Alternative> found) {
    List<String> senses = EnglishModals.modalSenses(word);
    for (int rank = 0; rank < senses.size(); rank++) {
      String sense = senses.get(rank);
      float weight = (float) Math.pow(1.0 / (rank + 1), SENSE_EXPONENT);
      found.putIfAbsent(TermKey.of(sense), new Alternative(sense, weight, Origin.DICTIONARY, List.of()));
    }
  }

  /**
   * The number of tokens from {@code i} that make a Chinese person's name, 0 when they do not: a
   * family name ({@link PersonNames}) and one or two characters of given name, each a token of its
   * own (SmartCN cuts a name it does not know into single characters: 刘|建|超), with no other such
   * character before or after (a function word such as 了 may stand there: 会见了刘建超).
   *
   * <p>The name is one concept, its characters side by side, its pinyin the one translation
   * (刘建超: "liu jianchao", as English reports write the mainland's names), in place of the
   * characters' own concepts, whose glosses are noise for a name (刘: kill, slaughter; 建: build;
   * 超: exceed). A run that is no name (单次, once: 单 is also a family name) loses its
   * characters' glosses the same way; on the benchmarks 6 of 3 000 Chinese queries hold such a
   * run, and no MRR@10 moved (bench/crosslang/LEXICON-SWEEP.md, session 34).
   */
  private static int personName(String text, List<Token> tokens, int i) {
    if (i > 0 && isNameCharacter(text, tokens.get(i - 1))) {
      return 0;
    }
    int n = 0;
    while (i + n < tokens.size() && (isNameCharacter(text, tokens.get(i + n)) || (n > 0 && isOne(text, tokens.get(i + n))))
        && (n == 0 || tokens.get(i + n - 1).end() == tokens.get(i + n).start())) {
      n++;
    }
    if (i + n < tokens.size() && isNameCharacter(text, tokens.get(i + n))) {
      return 0; // a run of characters goes on after a break (包, 交): not one name
    }
    if (n < 2) {
      return 0;
    }
    String run = ChineseScript.toSimplified(text.substring(tokens.get(i).start(), tokens.get(i + n - 1).end()));
    int family = PersonNames.familyNameLength(run);
    int given = n - family;
    if (run.endsWith("一") && given == 1) {
      return 0; // 任一 (any one), 单一: a family name's character before 一 alone is a word, not a name
    }
    return family > 0 && given >= 1 && given <= 2 ? n : 0;
  }

  /**
   * 一 (one) after a name's first character: a function word alone, and a common character of
   * given names (张一鸣, 刘结一, 王一博), which SmartCN cuts off as it cuts the others. Elsewhere
   * it stands in words of its own (一些, 一直, 万一), and a given name that is 一 alone is not
   * taken (任一, any one, is cut 任|一).
   */
  private static boolean isOne(String text, Token token) {
    return text.substring(token.start(), token.end()).equals("一");
  }

  /** A single Han character that is not a function word: the stuff of a name cut into characters. */
  private static boolean isNameCharacter(String text, Token token) {
    String word = text.substring(token.start(), token.end());
    return isLoneHanCharacter(word) && !FunctionWords.chinese().contains(ChineseScript.toSimplified(word));
  }

  /**
   * The last token of the longest run of single Han characters from {@code i}, no further than
   * {@code end}, that the dictionary, glossary or corpus knows as one word (分|页 in 分页程序:
   * 分页), with that word's translations put in {@code found}; {@code i} when there is none.
   *
   * <p>Without it such characters were covered by the longer phrase and kept no translation of
   * their own, so a rare phrase entry (分页程序: paging routine) was all that said "page", and
   * 卸载程序 said uninstall only through "uninstall program". Measured on both benchmarks of
   * bench/crosslang, MRR@10 (manual pages, then the Debian Reference; English queries do not
   * change): zh2en.title +0.0003 / +0.0006, zh2en.sent +0.0028 / -0.0031 (正则表达式: 正则,
   * regular, is noise beside regular expression), zh2zh.title +0.0015 / +0.0008, zh2zh.sent
   * +0.0030 / 0, s2t.title 0 / +0.0039, mixed-zh.title +0.0024 / +0.0048, mixed-zh.sent +0.0033 /
   * 0, the other Chinese-query sets within 0.002; 21 topics better and 12 worse over the twenty
   * sets (LEXICON-SWEEP.md, session 42).
   */
  private int nestedWord(String text, List<Token> tokens, int i, int end, boolean chinese, boolean simplified,
      Set<Ablation> ablations, Map<String, Alternative> found) {
    int last = i;
    while (last < end
        && isLoneHanCharacter(text.substring(tokens.get(last).start(), tokens.get(last).end()))
        && isLoneHanCharacter(text.substring(tokens.get(last + 1).start(), tokens.get(last + 1).end()))
        && tokens.get(last).end() == tokens.get(last + 1).start()) {
      last++;
    }
    for (int j = Math.min(last, i + MAX_SPAN - 1); j > i; j--) {
      if (onlyFunctionWords(tokens, i, j)) {
        continue;
      }
      lookUp(text.substring(tokens.get(i).start(), tokens.get(j).end()), true, chinese, simplified, ablations, found);
      if (!found.isEmpty()) {
        return j;
      }
    }
    return i;
  }

  /**
   * Whether tokens {@code from} to {@code to} are all single Han characters. Such a word is searched
   * as its characters side by side ({@link ConceptQueryBuilder} makes an alternative of several
   * terms a phrase) with its translations, instead of as optional single characters beside an
   * optional phrase. Measured on bench/crosslang, MRR@10, the sets with Chinese queries: zh2zh.sent
   * 0.6289 -> 0.6311, s2t.sent 0.6542 -> 0.6581, t2t.sent 0.6759 -> 0.6784, mixed-zh.title 0.4238
   * -> 0.4258, zh2zh.title 0.4284 -> 0.4294; t2t.title 0.4684 -> 0.4664, s2t.title 0.4618 ->
   * 0.4609, zh2en.sent 0.5793 -> 0.5786; the other two within 0.0004.
   */
  private static boolean allLoneHanCharacters(String text, List<Token> tokens, int from, int to) {
    for (int k = from; k <= to; k++) {
      if (!isLoneHanCharacter(text.substring(tokens.get(k).start(), tokens.get(k).end()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The concepts of a run of words less those that are a lone English function word with nothing
   * but itself to search (how, is, the, of: untranslated, see {@link FunctionWords}), unless
   * nothing else would be left. A phrase concept that spans such words (how many: 多少) stays, and
   * so does a word typed in capitals (WHO), a name.
   *
   * <p>Searched as typed, these words decided rankings they should not touch: in an English
   * index they are in every page but still add to long pages that repeat them; in a Chinese one
   * they are rare, so the few Chinese pages quoting English prose (a translated Perl FAQ) drew
   * level with the page about the question's subject. This is the stop-word removal of Lucene's
   * English analyzer, with a longer list (the analyzer drops only its 33 classic stop words), at
   * query time only, so a quoted phrase still finds "how many".
   * Measured on bench/crosslang, MRR@10, 300 topics each (session 22; LEXICON-SWEEP.md there):
   * en2en.title 0.4692 -> 0.5049, mixed-en.title 0.3587 -> 0.3937, en2zh.title 0.3107 -> 0.3212
   * (each higher in both halves of its topics; p < 0.01), en2zh.sent 0.5554 -> 0.5604, en2en.sent
   * 0.6697 -> 0.6736; mixed-en.sent 0.6311 -> 0.6178 (p = 0.08), where the first hit is more often
   * the Chinese version: both versions in the top 10 rose there, 68.0 -> 69.7 %.
   */
  static List<Concept> withoutLoneFunctionWords(List<Concept> concepts) {
    List<Concept> kept = new ArrayList<>(concepts.size());
    for (Concept c : concepts) {
      if (!isLoneFunctionWord(c)) {
        kept.add(c);
      }
    }
    return kept.size() == concepts.size() || kept.stream().allMatch(Concept::phrase) ? concepts : kept;
  }

  /**
   * The word concepts of a run ({@code concepts}, in order, as proximity sees them) that are a
   * Chinese function word (的, 已, 谁; see {@link FunctionWords}) which no phrase concept covers,
   * by identity; none when the run has nothing else. They are searched as typed, but optional
   * even under AND, and they are no unit of proximity and not counted by coordination ({@code
   * LiaisonQueryParser}).
   *
   * <p>An English query's function words are gone before this ({@link #withoutLoneFunctionWords}),
   * so 已安装的软件包 had four units where "installed package" has two. Its particles, which no
   * English page holds, were paired with their neighbours (安装 with 的, 的 with 软件包) in place of
   * the content words, and made a Chinese title too long for the bounds that coordination and
   * proximity's pairs one apart set by word count. Dropping them as the English ones are dropped
   * cost sentences and the Reference's headings (谁在系统里 lost 谁, the who command); searched
   * but standing aside they cost nothing measurable. Measured on both bench/crosslang benchmarks
   * (PROXIMITY-SWEEP.md, session 49), MRR@10 (manual pages, then the Debian Reference): zh2zh.title
   * 0.4691 to 0.4811 / 0.5943 to 0.5941, s2t.title 0.5341 to 0.5505 / 0.5993 to 0.6007, t2t.title
   * 0.5290 to 0.5436, mixed-zh.title 0.4245 to 0.4395, s2t.sent 0.6768 to 0.6835 / 0.7095 to
   * 0.7209, t2t.sent 0.6865 to 0.6842 / 0.7133 to 0.7224, zh2en.sent 0.5868 to 0.5843 / 0.7085 to
   * 0.7174; no set lower by more than 0.003. English queries do not change.
   */
  public static Set<Concept> standingAside(List<Concept> concepts) {
    Map<Concept, List<Concept>> covered = ConceptQueryBuilder.coveringPhrases(concepts);
    Set<Concept> aside = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    boolean content = false;
    for (Concept c : concepts) {
      if (c.phrase()) {
        continue;
      }
      if (!covered.containsKey(c) && TermKey.isHan(c.source())
          && c.alternatives().stream().allMatch(a -> FunctionWords.chinese().contains(ChineseScript.toSimplified(a.text())))) {
        aside.add(c);
      } else {
        content = true;
      }
    }
    return content ? aside : Set.of();
  }

  private static boolean isLoneFunctionWord(Concept c) {
    String source = c.source();
    return !c.phrase()
        && c.alternatives().size() == 1
        && !TermKey.isHan(source)
        && !(source.length() > 1 && source.equals(source.toUpperCase(Locale.ROOT))) // WHO, as typed, is a name
        && FunctionWords.english().contains(source.toLowerCase(Locale.ROOT));
  }

  /**
   * A single Han character, which inside a phrase the dictionary, glossary or corpus knows is a
   * piece of that word cut off by the segmenter (SmartCN cuts 卸载, uninstall, into 卸 and 载), not
   * a word: it is searched as typed, but not translated on its own, since its own glosses (载:
   * carry, year) belong to other words; the phrase's translations stand for it. Measured on
   * bench/crosslang, MRR@10: zh2en.title 0.3850 -> 0.3891, zh2en.sent 0.5702 -> 0.5770,
   * mixed-zh.title 0.4086 -> 0.4116, mixed-zh.sent 0.6218 -> 0.6250; s2t.title 0.4516 -> 0.4494,
   * s2t.sent 0.6415 -> 0.6386 (English words in Taiwan pages matched some of those glosses); the
   * monolingual sets within 0.0007.
   */
  private static boolean isLoneHanCharacter(String word) {
    return word.codePointCount(0, word.length()) == 1 && TermKey.isHan(word);
  }

  /**
   * In a run of more than {@value #CROSS_SCRIPT_WORDS} Chinese words, each word's English
   * translations weigh {@code CROSS_SCRIPT_WORDS / n} of what they would: together they count as
   * much as those of a {@value #CROSS_SCRIPT_WORDS}-word query, however long the query grows.
   *
   * <p>A Chinese page often holds English too: option names, commands, a product's name. Each
   * Chinese word's English alternatives add what such a page matches to the word's own score
   * ({@link ConceptQueryBuilder}), which for a short query is the evidence that the page also names
   * the thing in English; over a sentence of fifteen words these incidental matches add up and
   * outrank the page that says the same thing in Chinese. English pages, which match only
   * translations, have all their terms scaled by the same cap. Measured on bench/crosslang, MRR@10, no cap
   * against a cap at 12: zh2zh.sent 0.5816 -> 0.5911, t2t.sent 0.6354 -> 0.6412, s2t.sent 0.6101
   * -> 0.6137, zh2en.sent 0.5346 -> 0.5365, the title sets within 0.002. Without the cap Chinese
   * sentence queries on Chinese pages did worse with translation than without (0.5816 against
   * 0.5850). A tighter cap gains more there (at 8: zh2zh.sent 0.5951, s2t.sent 0.6181) but costs
   * the English version of a page its place beside the Chinese one: on the benchmark's corpus
   * holding both, a Chinese sentence query has both in its top 10 for 58.0 % of topics uncapped,
   * 56.3 % at 12, 53.3 % at 8 (at 4, zh2en.sent fell to 0.513).
   */
  private static List<Concept> capCrossScript(List<Concept> concepts) {
    long words = concepts.stream().filter(c -> !c.phrase() && TermKey.isHan(c.source())).count();
    if (words <= CROSS_SCRIPT_WORDS) {
      return concepts;
    }
    float share = (float) CROSS_SCRIPT_WORDS / words;
    List<Concept> out = new ArrayList<>(concepts.size());
    for (Concept c : concepts) {
      if (!TermKey.isHan(c.source())) {
        out.add(c);
        continue;
      }
      List<Alternative> alternatives = new ArrayList<>(c.alternatives().size());
      for (Alternative a : c.alternatives()) {
        alternatives.add(a.origin() == Origin.QUERY || TermKey.isHan(a.text())
            ? a
            : new Alternative(a.text(), a.weight() * share, a.origin(), a.documents()));
      }
      out.add(new Concept(c.source(), alternatives, c.phrase()));
    }
    return out;
  }

  private static Concept concept(String source, Map<String, Alternative> found, Set<Ablation> ablations, boolean phrase) {
    List<Alternative> alternatives = new ArrayList<>();
    alternatives.add(new Alternative(source, 1f, Origin.QUERY, List.of()));
    String sourceKey = TermKey.of(source);
    List<Alternative> others = found.values().stream().filter(a -> !TermKey.of(a.text()).equals(sourceKey)).toList();
    float spread = TermKey.isHan(source) ? spread(others) : 1f;
    others.stream()
        .map(a -> ablations.contains(Ablation.WEIGHTING)
            ? new Alternative(a.text(), 1f, a.origin(), a.documents())
            : new Alternative(a.text(), a.weight() * TRANSLATION_SHARE * (spreads(a) ? spread : 1f),
                a.origin(), a.documents()))
        .sorted((a, b) -> Float.compare(b.weight(), a.weight()))
        .forEach(alternatives::add);
    return new Concept(source, alternatives, phrase);
  }

  /**
   * The factor on a Chinese word's translations ({@link #spreads}): {@code (best / sum)^}{@value
   * #SPREAD_EXPONENT} of their weights, 1 for a word with one translation.
   *
   * <p>Weights relative to the best translation say which English word is likeliest, not how sure
   * the dictionary is of any. 选择 (select, pick, choice, opt, choose, selection) then matched an
   * English page through any of six words at up to the full translation weight, as much as 编译器
   * (compiler) through its one; spread over six renderings, the Chinese word says less about which
   * English words a page about it uses. A probabilistic structured query scales each translation
   * by its probability, which sums to 1 over the word's translations (the full spread); this does
   * part of that. The English translations of a Chinese word are scored as a group of their own
   * ({@link ConceptQueryBuilder#inField}), so the factor sets how much the word's English evidence
   * counts, and the word's own Chinese matches are untouched.
   *
   * <p>Not for English words: their Chinese translations share one group with the English word
   * itself, which in Chinese pages matches option and command names, and scaled against it they
   * lost more than they gained (bench/crosslang MRR@10 at 0.6: en2zh.sent 0.4999 -> 0.4554,
   * en2zh.title 0.1988 -> 0.2098).
   */
  static float spread(List<Alternative> alternatives) {
    float best = 0f;
    float sum = 0f;
    for (Alternative a : alternatives) {
      if (spreads(a) && a.origin() != Origin.SPELLING) {
        best = Math.max(best, a.weight());
        sum += a.weight();
      }
    }
    return sum > 0f ? (float) Math.pow(best / sum, SPREAD_EXPONENT) : 1f;
  }

  /**
   * True for the translations {@link #spread} weighs: the dictionary's, and those guessed from a
   * compound's parts (联络部: liaison, contact), so a guess does not outweigh a listed word's spread
   * translations (measured the same on every Chinese set of bench/crosslang), and a translation's
   * other spellings, which take the factor but do not add to the spread. The Taiwan form, the
   * glossary and mined aliases are names for the same thing, not renderings of it.
   */
  private static boolean spreads(Alternative a) {
    return a.origin() == Origin.DICTIONARY || a.origin() == Origin.PARTS || a.origin() == Origin.SPELLING;
  }

  /**
   * True if most words of the query are Chinese. English words inside a Chinese query are nearly
   * always names (a command, an option, a signal, an acronym: {@code switch}, {@code TERM}), so the
   * dictionary leaves them as typed; the glossary and mined aliases, which know names, still apply.
   */
  private static boolean isChinese(List<Token> tokens) {
    int han = 0;
    for (Token t : tokens) {
      if (TermKey.isHan(t.term())) {
        han++;
      }
    }
    return han > tokens.size() - han;
  }

  /**
   * Adds every translation of one span; phrases ({@code multiWord}) only from whole-phrase entries.
   * In a Chinese query ({@code chineseQuery}) English spans get no dictionary translation.
   */
  private void lookUp(String span, boolean multiWord, boolean chineseQuery, boolean simplifiedQuery, Set<Ablation> ablations,
      Map<String, Alternative> found) {
    String key = TermKey.of(span);
    if (!TermKey.isHan(key)) {
      key = POSSESSIVE.matcher(key).replaceAll(""); // the user's name: user, name
    }
    if (simplifiedQuery && TermKey.isHan(key)) {
      // A mainland word stands for its Taiwan form too (软件: 軟體), weighed like a translation: a
      // regional form can carry another sense. Searched in Traditional pages only
      // (ConceptQueryBuilder#inField).
      for (String variant : RegionalVariants.chinese().taiwanForms(key)) {
        found.putIfAbsent(variant, new Alternative(variant, 1f, Origin.VARIANT, List.of()));
      }
    } else if (TermKey.isHan(key)) {
      // The other way, a Taiwan word of a query written in Traditional stands for its mainland
      // words (預設: 默认, 檔案: 文件), weighed alike and searched in the other pages only, where
      // Traditional pages' own 程序 or 文件 (procedure, document) cannot meet it. MRR@10 of
      // Traditional queries on Simplified pages (bench/crosslang t2s, LEXICON-SWEEP.md session
      // 68): manual pages 0.4460 -> 0.5378 (titles), 0.6092 -> 0.6801 (sentences); Reference
      // 0.5258 -> 0.6023, 0.6306 -> 0.7124; handbook 0.3546 -> 0.3870, 0.4407 -> 0.5052.
      // Traditional queries on Traditional pages within 0.0002. At half this weight, or at twice
      // it (the user's own word's), the mean of the six was 0.003 lower.
      for (String mainland : RegionalVariants.chinese().mainlandForms(key)) {
        found.putIfAbsent(mainland, new Alternative(mainland, 1f, Origin.MAINLAND, List.of()));
      }
    }
    if (!ablations.contains(Ablation.GLOSSARY)) {
      for (String term : glossary.get().equivalents(key)) {
        found.putIfAbsent(TermKey.of(term), new Alternative(term, 1f, Origin.GLOSSARY, List.of()));
      }
    }
    boolean hyphenated = multiWord && !TermKey.isHan(key) && HYPHENATED.matcher(key).matches();
    if (multiWord && !TermKey.isHan(key) && !key.contains(" ") && !hyphenated) {
      addAliases(key, ablations, found);
      return; // a "phrase" of one English word and punctuation: left to the word-by-word pass
    }
    if (chineseQuery && !TermKey.isHan(key)) {
      addAliases(key, ablations, found);
      return; // a name inside a Chinese sentence, not an English word to translate
    }
    if (FunctionWords.chinese().contains(key) || FunctionWords.english().contains(key)) {
      // Searched as typed: a function word's dictionary glosses are noise in the other language
      // (the English ones' 如何, 进行, 做, 多么 are in every Chinese page). English function words
      // measured on bench/crosslang with SENSE_EXPONENT, MRR@10: en2zh.title 0.2951 -> 0.3017,
      // mixed-en.title 0.3312 -> 0.3421 (both higher in each half of the topics), en2zh.sent
      // 0.5598 -> 0.5572, mixed-en.sent 0.6258 -> 0.6248 (one half up, one down). Before the
      // flattening they cost sentences more (-0.006, LEXICON-SWEEP.md, session 13).
      return;
    }
    Lexicon dictionary = lexicon.get();
    if (!TermKey.isHan(key) && !hyphenated && span.equals(span.toLowerCase(Locale.ROOT)) && dictionary.isAcronymOnly(key)) {
      // "doc", "src" as typed are names in code, not the acronyms DOC and SRC; what the corpus
      // itself says a lower-case name stands for (wto: World Trade Organization) still applies.
      // Not a compound (e-mail, whose entry ECDICT writes E-MAIL).
      addAliases(key, ablations, found);
      return;
    }
    List<Translation> translations = TermKey.isHan(key) ? withoutFunctionWords(dictionary.toEnglish(key)) : dictionary.toChinese(key);
    if (!simplifiedQuery && TermKey.isHan(key)) {
      translations = withMainlandEnglish(dictionary, key, translations);
    }
    if (hyphenated && translations.isEmpty()) {
      // A compound the dictionary lists open only (boot-loader: boot loader), or closed (its
      // other spellings: bootloader).
      key = key.replace('-', ' ');
      translations = dictionary.toChinese(key);
    }
    if (!TermKey.isHan(key)) {
      translations = orOtherSpellings(dictionary, key, translations);
    }
    // Mined aliases name things the dictionary does not know (CECC, 中联部, China Economic
    // Cooperation Center); for a single dictionary word they are mostly noise from the corpus.
    if (multiWord || translations.isEmpty()) {
      addAliases(key, ablations, found);
    }
    float max = 0f;
    for (Translation t : translations) {
      max = Math.max(max, t.weight());
    }
    double exponent = TermKey.isHan(key) ? 1 : SENSE_EXPONENT;
    for (Translation t : translations) {
      found.putIfAbsent(TermKey.of(t.text()),
          new Alternative(t.text(), relative(t, max, exponent), Origin.DICTIONARY, List.of()));
    }
    if (translations.isEmpty() && !multiWord && TermKey.isHan(key)) {
      // A compound the dictionary lacks (系统调用号) is searched as its parts' translations (system
      // call): one concept, so the parts do not outweigh the query's other words.
      for (ChineseCompounds.Part part : ChineseCompounds.split(dictionary, key)) {
        float best = part.translations().get(0).weight();
        for (Translation t : part.translations()) {
          found.putIfAbsent(TermKey.of(t.text()),
              new Alternative(t.text(), PARTS_WEIGHT * relative(t, best, 1), Origin.PARTS, List.of()));
        }
      }
    }
    if (TermKey.isHan(key)) {
      // An English translation is searched in each way it is written (元数据: metadata and meta
      // data; 硬链接: hard links and hardlinks), at its own weight, outside the spread: one rendering
      // written two ways is not two renderings. Measured on bench/crosslang, MRR@10, against none:
      // on the Debian Reference zh2en.title 0.5632 -> 0.5753, zh2en.sent 0.6498 -> 0.6572,
      // mixed-zh 0.5857 -> 0.5871 and 0.7594 -> 0.7603; on the manual pages zh2en 0.3984 ->
      // 0.3983 and 0.5624 -> 0.5629; the Chinese sets level or up by at most 0.0008. Closed forms
      // the dictionary does not list (hardlinks, commandline; session 40): the Reference's zh2en
      // 0.6237 -> 0.6271 and 0.6984 -> 0.7012, its other Chinese sets level; the manual pages'
      // zh2en level, their Chinese sets within 0.002 either way (two topics each, through the
      // English options Chinese pages quote: -n nameserver).
      for (Translation t : translations) {
        for (String spelling : dictionary.otherSpellings(t.text())) {
          found.putIfAbsent(TermKey.of(spelling),
              new Alternative(spelling, relative(t, max, exponent), Origin.SPELLING, List.of()));
        }
      }
    }
    // A Chinese translation stands for its Taiwan form too (software: 软件 and 軟體), at the
    // translation's weight, searched in Traditional pages only (ConceptQueryBuilder#inField); after
    // all translations, so a translation that is also another's Taiwan form keeps its own weight.
    for (Translation t : translations) {
      if (TermKey.isHan(t.text())) {
        for (String variant : RegionalVariants.chinese().taiwanForms(TermKey.of(t.text()))) {
          found.putIfAbsent(variant, new Alternative(variant, relative(t, max, exponent), Origin.VARIANT, List.of()));
        }
      }
    }
  }

  /**
   * The translations of an English word or phrase the dictionary lacks, taken from another way of
   * writing it ({@link Lexicon#otherSpellings}): meta data as metadata (元数据), hardlinks as hard
   * links (硬链接). A word the dictionary lists keeps its own. Measured on bench/crosslang, MRR@10,
   * against none: on the Debian Reference en2zh.title 0.4999 -> 0.5096, en2zh.sent 0.6978 -> 0.6997,
   * mixed-en.title 0.6712 -> 0.6696; on the manual pages en2zh.title 0.3300 -> 0.3295, the other
   * English sets unchanged. Also taking a listed word's spelling's translations, at half weight
   * (email: 电子信函, and e-mail's 电子邮件), gained 0.002-0.004 more on the Reference and lost
   * 0.001-0.002 on the manual pages (setup's senses on "set up"), so not. Nor is the spelling
   * searched beside the user's word: English queries on English pages lost 0.0035 on the manual
   * pages (file system also matching filesystem, time zone timezone).
   */
  private static List<Translation> orOtherSpellings(Lexicon dictionary, String key, List<Translation> own) {
    if (!own.isEmpty()) {
      return own;
    }
    for (String spelling : dictionary.otherSpellings(key)) {
      List<Translation> theirs = dictionary.toChinese(spelling);
      if (theirs.isEmpty()) {
        theirs = dictionary.toChinese(spelling.replace(' ', '-')); // e mail: e-mail
      }
      if (!theirs.isEmpty()) {
        return theirs;
      }
    }
    return own;
  }

  /**
   * The weight of a mainland word's English beside the Taiwan form's own ({@link
   * #withMainlandEnglish}), against the own best. Measured on Traditional queries on English pages
   * (bench/crosslang/LEXICON-SWEEP.md, session 67): 0.5 and 1 within 0.0018 a set, pooled
   * +0.0279 and +0.0278.
   */
  static final float MAINLAND_SHARE = 0.5f;

  /**
   * A word of a query written in Traditional characters that is Taiwan's form of a mainland word
   * ({@link RegionalVariants#mainlandForms}: 預設 for 默认, 開啟 for 打开, 重新整理 for 刷新) also
   * takes the mainland word's English, its best at {@value #MAINLAND_SHARE} of the word's own best
   * (the whole list when the dictionary has none for the word): ECDICT is written from mainland
   * usage, so it gives 预设 preinstall and presupposition but not default, 开启 unlock, start and
   * unseal but not open, 重新整理 rearrange but not refresh. The mainland word itself is searched
   * as an alternative of its own ({@link Origin#MAINLAND}), in pages not written in Traditional
   * only, where a Taiwan page's 程序 or 文件 (procedure, document) cannot meet it ({@link
   * RegionalVariants}). Not for a query written in Simplified,
   * where 预设 is the mainland's preinstall. Measured on the three benchmarks' Traditional queries on
   * their English pages (LEXICON-SWEEP.md, session 67), MRR@10: the manual pages' titles 0.5414 ->
   * 0.5667, sentences 0.6319 -> 0.6677; the Reference's 0.6407 -> 0.6803, 0.7301 -> 0.7457; the
   * handbook's 0.4373 -> 0.4652, 0.5081 -> 0.5300; Traditional queries on Traditional pages level.
   */
  private static List<Translation> withMainlandEnglish(Lexicon dictionary, String key, List<Translation> own) {
    List<String> mainland = RegionalVariants.chinese().mainlandForms(key);
    if (mainland.isEmpty()) {
      return own;
    }
    float ownBest = 0f;
    Map<String, Translation> merged = new LinkedHashMap<>();
    for (Translation t : own) {
      ownBest = Math.max(ownBest, t.weight());
      merged.put(TermKey.of(t.text()), t);
    }
    for (String word : mainland) {
      List<Translation> theirs = withoutFunctionWords(dictionary.toEnglish(word));
      float theirBest = 0f;
      for (Translation t : theirs) {
        theirBest = Math.max(theirBest, t.weight());
      }
      float scale = (ownBest > 0f ? ownBest * MAINLAND_SHARE : 1f) / theirBest;
      for (Translation t : theirs) {
        if (!TermKey.isHan(t.text())) {
          merged.merge(TermKey.of(t.text()), new Translation(t.text(), Math.min(1f, t.weight() * scale)),
              (a, b) -> a.weight() >= b.weight() ? a : b);
        }
      }
    }
    List<Translation> out = new ArrayList<>(merged.values());
    out.sort((a, b) -> Float.compare(b.weight(), a.weight()));
    return out;
  }

  /**
   * A Chinese word's English translations without English function words (原因 → why, 许多 → much):
   * a minor sense, and in English text a match in every document. The rest are weighed against the
   * best of themselves, and a word left with none falls back as a word the dictionary lacks (its
   * aliases, its parts). Measured on bench/crosslang, MRR@10: zh2en.title 0.2837 -> 0.2906,
   * zh2en.sent 0.5365 -> 0.5374, mixed-zh.title 0.2568 -> 0.2608, mixed-zh.sent 0.5791 -> 0.5810,
   * the Chinese monolingual sets and s2t within 0.0012. Dropped here, not when the dictionary is
   * compiled: there the senses that move up in their place are worse (不 -> nope, naw).
   */
  private static List<Translation> withoutFunctionWords(List<Translation> translations) {
    List<Translation> kept = new ArrayList<>(translations.size());
    for (Translation t : translations) {
      if (!FunctionWords.english().contains(t.text())) {
        kept.add(t);
      }
    }
    return kept;
  }

  /** A translation's weight relative to the best of its word, kept in [0.01, 1], to the power {@code exponent}. */
  private static float relative(Translation t, float max, double exponent) {
    float share = Math.max(Math.min(1f, t.weight() / max), 0.01f);
    return exponent == 1 ? share : (float) Math.pow(share, exponent);
  }

  private void addAliases(String key, Set<Ablation> ablations, Map<String, Alternative> found) {
    if (!ablations.contains(Ablation.ALIASES)) {
      for (Map.Entry<String, List<String>> e : aliases.get().aliasesOf(key).entrySet()) {
        if (!contradictsDictionary(key, e.getKey())) {
          found.putIfAbsent(TermKey.of(e.getKey()), new Alternative(e.getKey(), ALIAS_WEIGHT, Origin.ALIAS, e.getValue()));
        }
      }
    }
  }

  /**
   * True if a name's mined alias is an ordinary Chinese word, one or two characters, that the
   * dictionary translates, and not as this name: {@code Tcl (手册)} in a manual page glosses the
   * word, it does not name Tcl (a query for Tcl would otherwise match every page that says 手册).
   * Longer aliases are names or terms (中联部, 世界贸易组织, 命名管道) and are kept, as are those the
   * dictionary does not know or agrees with.
   */
  private boolean contradictsDictionary(String key, String alias) {
    if (TermKey.isHan(key) || !TermKey.isHan(alias) || alias.codePointCount(0, alias.length()) > 2) {
      return false;
    }
    List<Translation> known = lexicon.get().toEnglish(TermKey.of(alias));
    return !known.isEmpty() && known.stream().noneMatch(t -> TermKey.of(t.text()).equals(key));
  }

  /**
   * Leaves in {@code found}, the translations of a phrase that took in stop words (log in, part
   * of), only those its own tokens {@code i..j} lack: part of is 部分 as part is, may be 可能 as the
   * modal is, and such a phrase would count its word's sense twice; log in keeps 登录, which log
   * lacks. What is left can be an odd sense: according to keeps 取决于 (depends on) alone, as
   * according has 根据. Replayed on the English queries of the four benchmarks (LEXICON-SWEEP.md,
   * session 75): with this rule the widened phrases moved 24 sets by +0.0239 MRR@10 in all (58
   * topics better, 46 worse), without it by +0.0066 (62 / 62); dropping a phrase that shares any
   * sense with its words, by +0.0153, the edge lost being its place in a long query's proximity
   * units, where it stands for its word (according no longer pairs through 根据 in Chinese pages).
   */
  private void dropOwnSenses(String text, List<Token> tokens, int i, int j, boolean chinese, boolean simplified,
      Set<Ablation> ablations, Map<String, Alternative> found) {
    Map<String, Alternative> own = new LinkedHashMap<>();
    String words = text.substring(tokens.get(i).start(), tokens.get(j).end());
    if (j == i && EnglishModals.standsAsModal(text, tokens.get(i).start(), tokens.get(i).end())) {
      modalSenses(words, own);
    }
    lookUp(words, j > i, chinese, simplified, ablations, own);
    found.keySet().removeAll(own.keySet());
  }

  /**
   * The words the analyser dropped before token {@code i} that a phrase starting there may take in
   * ({@link #edgeWords}, going back): none for a Han token, none before {@code claimed} (the last
   * phrase's text), and none where the nearest is an infinitive's to.
   */
  private static List<Integer> wordsBefore(String text, List<Token> tokens, int i, int claimed) {
    int start = tokens.get(i).start();
    if (TermKey.isHan(tokens.get(i).term())) {
      return List.of();
    }
    List<Integer> before = edgeWords(text, start, Math.max(claimed, i > 0 ? tokens.get(i - 1).end() : 0), -1);
    if (!before.isEmpty() && text.substring(before.get(0), start).strip().equalsIgnoreCase("to")) {
      return List.of(); // an infinitive's to: able to boot is no "to boot" (除此以外, moreover)
    }
    return before;
  }

  /**
   * The spans of text to look up as a phrase of tokens {@code i..j}: with up to {@value
   * #EDGE_WORDS} words the analyser dropped taken in before ({@code before}, from {@link
   * #wordsBefore}) and after them, the most words first (the ones after before the ones before
   * where as many), the tokens alone last. Only an English token takes words in.
   */
  private static List<int[]> spansAround(String text, List<Token> tokens, int i, int j, List<Integer> before) {
    int start = tokens.get(i).start();
    int end = tokens.get(j).end();
    int room = DocumentRenderer.LONGEST - words(text, start, end);
    if (room <= 0) {
      return List.of(new int[] {start, end});
    }
    List<Integer> after = TermKey.isHan(tokens.get(j).term()) ? List.of()
        : edgeWords(text, end, j + 1 < tokens.size() ? tokens.get(j + 1).start() : text.length(), 1);
    List<int[]> spans = new ArrayList<>();
    for (int extra = Math.min(room, before.size() + after.size()); extra >= 0; extra--) {
      for (int a = Math.min(extra, after.size()); a >= 0 && extra - a <= before.size(); a--) {
        int b = extra - a;
        spans.add(new int[] {b == 0 ? start : before.get(b - 1), a == 0 ? end : after.get(a - 1)});
      }
    }
    return spans;
  }

  /**
   * The words the analyser dropped next to offset {@code from}, up to {@code limit}, going
   * {@code direction} (1 after, -1 before): for each, where the text taken in ends (after) or
   * starts (before), nearest first, at most {@value #EDGE_WORDS}. Only Latin words separated by
   * spaces count; punctuation or anything else ends them.
   */
  static List<Integer> edgeWords(String text, int from, int limit, int direction) {
    List<Integer> out = new ArrayList<>(EDGE_WORDS);
    int at = from;
    while (out.size() < EDGE_WORDS) {
      int p = at;
      while (p != limit && Character.isWhitespace(text.charAt(direction > 0 ? p : p - 1))) {
        p += direction;
      }
      if (p == at) {
        break; // a word must be set off by a space
      }
      int word = p;
      while (p != limit && isLatinLetter(text.charAt(direction > 0 ? p : p - 1))) {
        p += direction;
      }
      boolean whole = p == limit || Character.isWhitespace(text.charAt(direction > 0 ? p : p - 1))
          || !Character.isLetterOrDigit(text.charAt(direction > 0 ? p : p - 1));
      if (p == word || !whole) {
        break;
      }
      out.add(p);
      at = p;
    }
    return out;
  }

  /** How many words, set off by spaces, {@code text} holds from {@code from} to {@code to}. */
  private static int words(String text, int from, int to) {
    int n = 0;
    boolean inWord = false;
    for (int k = from; k < to; k++) {
      boolean space = Character.isWhitespace(text.charAt(k));
      n += !space && !inWord ? 1 : 0;
      inWord = !space;
    }
    return n;
  }

  private static boolean isLatinLetter(char c) {
    return c < 0x250 && Character.isLetter(c);
  }

  /** True if every token from {@code i} to {@code j} is a Chinese function word (一种, 这个). */
  private static boolean onlyFunctionWords(List<Token> tokens, int i, int j) {
    for (int k = i; k <= j; k++) {
      if (!FunctionWords.chinese().contains(tokens.get(k).term())) {
        return false;
      }
    }
    return true;
  }

  /** The analysed tokens of the text with their offsets. */
  List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        tokens.add(new Token(offset.startOffset(), offset.endOffset(), term.toString()));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }
}
