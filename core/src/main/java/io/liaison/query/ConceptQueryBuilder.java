package io.liaison.query;

import io.liaison.analysis.ChineseScript;
import io.liaison.index.Fields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a concept into the Lucene query that scores it: the one place this is decided.
 *
 * <p>Per field, the concept's single-term alternatives form one {@link SynonymQuery} (their term
 * frequencies count as one term, each scaled by its weight, as in a probabilistic structured
 * query) and each alternative that analyses to several terms a phrase query; a dis-max keeps the
 * best of them. A Chinese word's alternatives do this once per script, Han and Latin, and the two
 * are added (see {@link #inField}). Across fields the per-field queries are summed, the title
 * boosted. Where the body is searched, the Chinese alternatives are also matched as overlapping
 * bigrams ({@link #BIGRAM_WEIGHT}): in that field a two-character word is one term and a longer one
 * all of its bigrams (the field has no positions, see {@link #allOf}).
 *
 * <p>Both the embedded {@link LiaisonQueryParser} and the OpenSearch plugin's {@code
 * liaison_concepts} query build through this class, so a concept scores the same in either. It
 * is a pure function of its arguments and thread-safe.
 */
public final class ConceptQueryBuilder implements ConceptQueryFactory {
  /** Latin words, each followed by a space: the stop words a phrase took in before its first word. */
  private static final Pattern DROPPED_WORDS = Pattern.compile("(?:\\p{IsLatin}+\\s+)+");
  /**
   * The weight of a concept's Chinese alternatives matched as bigrams ({@link Fields#HAN_BIGRAMS}),
   * beside their match as words, wherever the body is searched. A word matches only where SmartCN
   * cut the text into that word, and SmartCN keeps a longer word whole where a shorter one is inside
   * (文件名, file name, holds 文件, file): 文件, or "file" translated to it, missed that page. The
   * bigrams match however the text was cut, and the words still put pages with the whole word first.
   * Measured on both cross-language benchmarks (bench/crosslang, the manual pages and FAQ, and the
   * Debian Reference; MRR@10 of the 16 sets with Chinese documents), against no bigrams: at 0.15,
   * 0.5, 0.8 and 1 the mean rose from 0.5864 to 0.5929, 0.6000, 0.6040 and 0.6066. At 1 the manual
   * pages' titles gain most (en2zh 0.3582 -> 0.4186, zh2zh 0.3923 -> 0.4458, s2t 0.4690 -> 0.5253,
   * t2t 0.4628 -> 0.5186), the Reference's en2zh titles 0.5276 -> 0.5487; two sets lose, the
   * Reference's Traditional and Simplified sentences on their own pages (t2t 0.7264 -> 0.7142, zh2zh
   * 0.7718 -> 0.7674), where the lower weights lost less (0.7250 and 0.7749 at 0.15). 1.5 lifted
   * the manual pages' titles further (en2zh 0.4293, zh2zh 0.4607) but was not run on the other
   * sets; equal weight, the highest mean of the weights measured in full, was kept.
   */
  static final float BIGRAM_WEIGHT = 1.0f;

  private final Analyzer analyzer;
  private final Set<Ablation> ablations;
  private final float titleBoost;
  /**
   * Whether Taiwan forms count only in Traditional pages and mainland forms only in the others
   * ({@link #inField}); otherwise both in every page.
   */
  private final boolean regionalFormsSplitByScript;

  /**
   * @param analyzer analyses each alternative per field, as the index analysed the documents
   * @param ablations parts of the scoring switched off ({@link Ablation#STRUCTURE}, {@link
   *     Ablation#PROXIMITY} and {@link Ablation#BIGRAMS} matter here)
   * @param titleBoost the title's weight when a concept is searched in several fields
   */
  public ConceptQueryBuilder(Analyzer analyzer, Set<Ablation> ablations, float titleBoost) {
    this(analyzer, ablations, titleBoost, true);
  }

  private ConceptQueryBuilder(Analyzer analyzer, Set<Ablation> ablations, float titleBoost, boolean regionalFormsSplitByScript) {
    this.analyzer = analyzer;
    this.ablations = Set.copyOf(ablations);
    this.titleBoost = titleBoost;
    this.regionalFormsSplitByScript = regionalFormsSplitByScript;
  }

  /**
   * A builder that searches a concept's regional forms, Taiwan's and the mainland's, in every page,
   * as one group with the rest of its alternatives: about half the clauses for a concept that has
   * them, for a query that would otherwise pass Lucene's clause limit ({@link LiaisonQueryParser}).
   */
  @Override
  public ConceptQueryBuilder taiwanFormsEverywhere() {
    return regionalFormsSplitByScript ? new ConceptQueryBuilder(analyzer, ablations, titleBoost, false) : this;
  }

  /**
   * The concept in each of {@code fields}, and as bigrams when the body is one of them, summed; null
   * when no alternative has a searchable term.
   */
  @Override
  public Query build(List<String> fields, Concept concept, int slop) {
    List<Query> perField = new ArrayList<>();
    for (String f : fields) {
      Query q = inField(f, concept, slop);
      if (q != null) {
        perField.add(f.equals(Fields.TITLE) && fields.size() > 1 ? new BoostQuery(q, titleBoost) : q);
      }
    }
    if (fields.contains(Fields.BODY) && !ablations.contains(Ablation.BIGRAMS)) {
      Query q = inField(Fields.HAN_BIGRAMS, concept, slop);
      if (q != null) {
        perField.add(new BoostQuery(q, BIGRAM_WEIGHT));
      }
    }
    if (perField.isEmpty()) {
      return null;
    }
    if (perField.size() == 1) {
      return perField.get(0);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    perField.forEach(q -> b.add(q, BooleanClause.Occur.SHOULD));
    return b.build();
  }

  /**
   * One concept in one field. A Chinese word's alternatives are grouped by script: per group a
   * synonym query over the single terms, with the group's phrases beside it, the best one
   * counting; the two groups' scores are added. An English word's alternatives form one group.
   *
   * <p>Why a Chinese word gets two groups: a synonym query scores its terms as one term with the
   * group's joint document frequency. Pooling 内核 with "kernel" gave the Chinese word statistics
   * partly made of English words, and a Chinese page that also names the thing in English (内核
   * (kernel), as manual pages do) got no more credit than one that did not. Within each group a
   * word with eight translations still does not outweigh a word with one. Measured on
   * bench/crosslang, MRR@10: zh2zh.title 0.253 -> 0.270, t2t.title 0.244 -> 0.270, s2t.title
   * 0.247 -> 0.267, zh2zh.sent 0.574 -> 0.580; sets with English queries unchanged.
   *
   * <p>A Taiwan form ({@link Origin#VARIANT}: 软件's 軟體, "document"'s 文件) counts only in pages
   * written in Traditional characters ({@link Fields#SCRIPT}): there the concept is scored with its
   * Taiwan forms, elsewhere without them. Some Taiwan forms are the mainland's words for other
   * things (Taiwan's 文件, document, is the mainland's file), and searched in Simplified pages they
   * matched those. Measured on all three bench/crosslang benchmarks (LEXICON-SWEEP.md, session 59).
   * The other way, a mainland form of a Traditional query's Taiwan word ({@link Origin#MAINLAND}:
   * 預設's 默认) counts only in pages not written in Traditional characters, where Taiwan's own 程序
   * and 文件 (procedure, document) cannot meet it (LEXICON-SWEEP.md, session 68). Of a Chinese word
   * only the Han group is split so: its English group scores alike on every page and is added once,
   * beside the split.
   */
  public Query inField(String field, Concept concept, int slop) {
    List<Option> options = new ArrayList<>(concept.alternatives().size());
    boolean regional = false;
    for (Alternative a : concept.alternatives()) {
      if (isPhrasesOwnText(concept, a)) {
        continue; // the phrase's own words are searched by their concepts; it adds only its translations
      }
      List<String> positioned = analyze(field, a.text());
      List<String> terms = positioned.stream().filter(t -> !t.isEmpty()).toList();
      if (terms.isEmpty()) {
        continue;
      }
      boolean taiwan = a.origin() == Origin.VARIANT;
      boolean mainland = a.origin() == Origin.MAINLAND;
      regional |= taiwan || mainland;
      boolean han = TermKey.isHan(terms.get(0));
      if (terms.size() == 1) {
        options.add(new Option(han, taiwan, mainland, terms.get(0), null, a.weight()));
      } else if (field.equals(Fields.HAN_BIGRAMS)) {
        options.add(new Option(han, taiwan, mainland, null, allOf(field, terms), a.weight()));
      } else {
        // At the positions the analyzer gave, so a stop word inside ("Belt and Road") leaves the
        // gap the indexed text has.
        PhraseQuery.Builder p = new PhraseQuery.Builder();
        p.setSlop(Math.max(slop, 0));
        for (int i = 0; i < positioned.size(); i++) {
          if (!positioned.get(i).isEmpty()) {
            p.add(new Term(field, positioned.get(i)), i);
          }
        }
        options.add(new Option(han, taiwan, mainland, null, p.build(), a.weight()));
      }
    }
    if (!regional || !regionalFormsSplitByScript) {
      return grouped(field, concept, options, Pages.EVERY);
    }
    if (TermKey.isHan(concept.source()) && !ablations.contains(Ablation.STRUCTURE)
        && options.stream().noneMatch(o -> (o.taiwan() || o.mainland()) && !o.han())) {
      // A Chinese word's two groups are added and its regional forms are all in the Han group, so
      // the Latin group scores alike on every page. It is scored once, beside the split of the Han
      // group, rather than in each branch: the same scores but for the rounding of the sums, and
      // Chinese questions' median 3-6 ms less at 100k (bench/perf/RESULTS.md, session 62).
      List<Option> han = options.stream().filter(Option::han).toList();
      List<Option> latin = options.stream().filter(o -> !o.han()).toList();
      Query split = splitByScript(
          grouped(field, concept, han, Pages.ELSEWHERE), grouped(field, concept, han, Pages.TRADITIONAL));
      Query rest = grouped(field, concept, latin, Pages.EVERY);
      return rest == null ? split : split == null ? rest : any(List.of(split, rest));
    }
    return splitByScript(
        grouped(field, concept, options, Pages.ELSEWHERE), grouped(field, concept, options, Pages.TRADITIONAL));
  }

  /**
   * Taiwan's forms count only in Traditional pages, the mainland's only in the others: a page not
   * written in Traditional scores the concept with its mainland forms and without its Taiwan ones
   * ({@code elsewhere}), a Traditional page the other way ({@code traditional}); either is null
   * when nothing is left for it, and the split is null when both are. The two branches exclude each
   * other, so each page gets one of the two scores.
   */
  private static Query splitByScript(Query elsewhere, Query traditional) {
    Query isTraditional = new TermQuery(new Term(Fields.SCRIPT, ChineseScript.TRADITIONAL));
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (elsewhere != null) {
      b.add(new BooleanQuery.Builder()
          .add(elsewhere, BooleanClause.Occur.MUST)
          .add(isTraditional, BooleanClause.Occur.MUST_NOT).build(), BooleanClause.Occur.SHOULD);
    }
    if (traditional != null) {
      b.add(new BooleanQuery.Builder()
          .add(traditional, BooleanClause.Occur.MUST)
          .add(isTraditional, BooleanClause.Occur.FILTER).build(), BooleanClause.Occur.SHOULD);
    }
    return elsewhere == null && traditional == null ? null : b.build();
  }

  /**
   * The clause on the page's script when {@code b} is one branch of a concept split by script
   * ({@link #inField}: the alternatives required, the script required or prohibited), else null.
   */
  public static BooleanClause scriptClause(BooleanQuery b) {
    if (b.clauses().size() != 2 || b.getMinimumNumberShouldMatch() > 0) {
      return null;
    }
    BooleanClause script = null;
    BooleanClause other = null;
    for (BooleanClause c : b.clauses()) {
      if (c.query() instanceof TermQuery t && t.getTerm().field().equals(Fields.SCRIPT)
          && (c.occur() == BooleanClause.Occur.FILTER || c.occur() == BooleanClause.Occur.MUST_NOT)) {
        script = c;
      } else {
        other = c;
      }
    }
    return script != null && other != null && other.occur() == BooleanClause.Occur.MUST ? script : null;
  }

  /**
   * Whether {@code b} is a concept split by script ({@link #inField}): optional clauses only, each a
   * branch with a {@link #scriptClause}. The branch that requires a Traditional page holds the
   * alternatives of the other branch and the concept's Taiwan forms besides, but not its mainland
   * forms (a Traditional query's), which only the other branch holds; either branch may be absent.
   */
  public static boolean isScriptSplit(BooleanQuery b) {
    return !b.clauses().isEmpty() && b.getMinimumNumberShouldMatch() == 0 && b.clauses().stream()
        .allMatch(c -> c.occur() == BooleanClause.Occur.SHOULD && c.query() instanceof BooleanQuery branch
            && scriptClause(branch) != null);
  }

  /** Which pages a group of a concept's alternatives is scored in, and so which regional forms it keeps. */
  private enum Pages {
    /** Pages not written in Traditional characters: the mainland forms, not the Taiwan ones. */
    ELSEWHERE,
    /** Traditional pages: the Taiwan forms, not the mainland ones. */
    TRADITIONAL,
    /**
     * Every page, not split by script: every regional form (a builder that searches them
     * everywhere, {@link #taiwanFormsEverywhere}, or options with no regional form at all).
     */
    EVERY
  }

  /**
   * The concept's {@code options} in one field, grouped as {@link #inField} says, keeping the
   * regional forms that count in {@code pages}; null when none is left.
   */
  private Query grouped(String field, Concept concept, List<Option> options, Pages pages) {
    Side han = new Side();
    Side latin = new Side();
    for (Option o : options) {
      if (o.taiwan() && pages == Pages.ELSEWHERE || o.mainland() && pages == Pages.TRADITIONAL) {
        continue;
      }
      Side side = o.han() ? han : latin;
      if (o.single() != null) {
        side.singles.merge(o.single(), o.weight(), Math::max);
      } else {
        // Two alternatives that analyse to the same phrase ("configuration file" from the
        // dictionary, CONFIGURATION FILES mined from the corpus) are one phrase at the higher
        // weight: a dis-max would score them so anyway, after matching the phrase twice.
        side.phrases.merge(o.several(), o.weight(), Math::max);
      }
    }
    if (ablations.contains(Ablation.STRUCTURE)) {
      // Ablation: every translation is a clause of its own, so many translations outweigh few.
      List<Query> clauses = new ArrayList<>();
      for (Side side : List.of(han, latin)) {
        side.singles.forEach((t, w) -> clauses.add(weighted(new TermQuery(new Term(field, t)), w)));
        side.phrases.forEach((q, w) -> clauses.add(weighted(q, w)));
      }
      return any(clauses);
    }
    if (!TermKey.isHan(concept.source())) {
      // An English word and its Chinese translations stay one group: in Chinese text English
      // words are mostly names and code (options, commands), and scored on their own statistics
      // these incidental matches took over (bench/crosslang en2zh.sent MRR@10 0.492 -> 0.418).
      Side all = new Side();
      for (Side side : List.of(han, latin)) {
        side.singles.forEach((t, w) -> all.singles.merge(t, w, Math::max));
        side.phrases.forEach((q, w) -> all.phrases.merge(q, w, Math::max));
      }
      return all.query(field);
    }
    List<Query> groups = new ArrayList<>(2);
    for (Side side : List.of(han, latin)) {
      Query q = side.query(field);
      if (q != null) {
        groups.add(q);
      }
    }
    return any(groups);
  }

  /**
   * One alternative analysed in a field: its {@code single} term, or the query for its {@code
   * several}; {@code han} for Chinese, {@code taiwan} for a Taiwan form ({@link Origin#VARIANT}),
   * {@code mainland} for a mainland one ({@link Origin#MAINLAND}).
   */
  private record Option(boolean han, boolean taiwan, boolean mainland, String single, Query several, float weight) {}

  /**
   * The most words a run may have for a phrase's words to stay units of their own in {@link
   * #proximity}. Measured on both bench/crosslang benchmarks (PROXIMITY-SWEEP.md, session 48, for
   * English phrases): in runs of any length the English titles gained and the manual pages' English
   * sentences lost (en2en.sent 0.6549 to 0.6470); up to 4 words, as {@code LiaisonQueryParser}
   * coordinates short queries in full, five of the six title sets with English queries rose
   * (en2en.title 0.5251 to 0.5314, en2zh.title 0.4298 to 0.4359) and one sentence set moved, by one
   * topic. The same bound for a Chinese phrase of words (session 55): every one of the ten title
   * sets with Chinese queries rose (manual pages s2t.title 0.5507 to 0.5618, zh2en.title 0.4506 to
   * 0.4520), and of the sentence sets three moved, by one or two topics.
   */
  static final int PHRASE_WORDS_UP_TO = 4;

  /**
   * Proximity in the body ({@link ConceptProximity}). The units are the words, with a phrase
   * concept in place of the words it covers (一带一路 rather than 一, 带, 一, 路, which would give
   * three pairs near wherever the phrase is); each phrase adds one clause for its words being near
   * each other. None when switched off or when the body is not searched. Not in the title, where
   * it measured no gain: a title is short enough that holding both words is already being near.
   *
   * <p>A phrase in a run of at most {@link #PHRASE_WORDS_UP_TO} words is the exception, when it is
   * English or its Chinese words are of two characters or more: its words stay units, each also
   * matched by the phrase's translations, and it adds no clause of its own. In a short query every
   * pair of words counts, and the page may put them in another order or apart ("the file
   * configures" for configuration file, 合并各个文件 for 合并文件); in a page of the other language,
   * the phrase's translation (配置文件, merge file) still stands near its neighbours. A phrase that
   * SmartCN cut into single characters (一带一路) stays one unit: its characters are no words.
   *
   * <p>A Chinese function word that stands aside ({@link QueryTranslator#standingAside}) is no
   * unit: 安装 pairs with 软件包 across 已安装的软件包's 的, as install with package in English.
   */
  @Override
  public List<Query> proximity(List<String> fields, List<Concept> concepts) {
    if (ablations.contains(Ablation.PROXIMITY) || !fields.contains(Fields.BODY)) {
      return List.of();
    }
    Set<Concept> aside = QueryTranslator.standingAside(concepts);
    boolean shortRun = concepts.stream().filter(c -> !c.phrase() && !aside.contains(c)).count() <= PHRASE_WORDS_UP_TO;
    List<List<List<String>>> units = new ArrayList<>();
    List<Concept> unitConcepts = new ArrayList<>();
    List<List<List<List<String>>>> phrases = new ArrayList<>();
    for (Concept c : concepts) {
      if (aside.contains(c)) {
        continue;
      }
      List<List<String>> forms = analyzed(Fields.BODY, c);
      int words = c.phrase() ? covers(c, unitConcepts) : 0;
      if (words > 0 && shortRun && (!TermKey.isHan(c.source()) || wordsOfTwoOrMore(unitConcepts, words))) {
        List<List<String>> translations = new ArrayList<>();
        for (int a = 0; a < forms.size(); a++) {
          if (!isPhrasesOwnText(c, c.alternatives().get(a))) {
            translations.add(forms.get(a));
          }
        }
        for (int u = units.size() - words; u < units.size(); u++) {
          List<List<String>> unit = new ArrayList<>(units.get(u));
          unit.addAll(translations);
          units.set(u, unit);
        }
        continue;
      }
      if (c.phrase()) {
        List<List<List<String>>> covered = new ArrayList<>();
        for (int i = words; i > 0; i--) {
          covered.add(0, units.remove(units.size() - 1));
          unitConcepts.remove(unitConcepts.size() - 1);
        }
        phrases.add(covered);
      }
      units.add(forms);
      unitConcepts.add(c);
    }
    return ConceptProximity.of(Fields.BODY, units, phrases);
  }

  /** True if each of the last {@code words} units is a word of two characters or more. */
  private static boolean wordsOfTwoOrMore(List<Concept> unitConcepts, int words) {
    for (int u = unitConcepts.size() - words; u < unitConcepts.size(); u++) {
      String w = unitConcepts.get(u).source();
      if (w.codePointCount(0, w.length()) < 2) {
        return false;
      }
    }
    return true;
  }

  /**
   * For each word concept of a run ({@code concepts}, in order) that a phrase concept covers, the
   * phrase concepts covering it, found as {@link #proximity} finds them (a phrase stands in for its
   * words from then on, so a later phrase does not reach past it). Keyed by identity: a word typed
   * twice is two concepts. Coordination counts a covered word as present where the phrase is
   * ({@link LiaisonQueryParser}).
   */
  public static Map<Concept, List<Concept>> coveringPhrases(List<Concept> concepts) {
    Map<Concept, List<Concept>> out = new IdentityHashMap<>();
    List<Concept> units = new ArrayList<>();
    for (Concept c : concepts) {
      if (c.phrase()) {
        for (int i = covers(c, units); i > 0; i--) {
          out.computeIfAbsent(units.remove(units.size() - 1), w -> new ArrayList<>()).add(c);
        }
      }
      units.add(c);
    }
    return out;
  }

  /**
   * How many of the last {@code units} the phrase concept covers. The translator puts a phrase
   * right after the word concepts of the text it spans, and that text starts with the first of
   * them, so they are found by their source text, from the end of the phrase back to its start.
   * (Counting the phrase's own terms would not do: SmartCN cuts 一带一路 alone into four words and
   * inside 中国一带一路建设 into two.) Words before the first covered one that the analyser dropped
   * (the by of by default, which the translator took in) are no unit. 0 when the words cannot be
   * told, so they stay units of their own.
   */
  private static int covers(Concept phrase, List<Concept> units) {
    String text = phrase.source();
    int end = text.length();
    int covered = 0;
    for (int u = units.size() - 1; u >= 0 && end > 0 && !units.get(u).phrase(); u--) {
      String word = units.get(u).source();
      int at = end - word.length() < 0 ? -1 : text.lastIndexOf(word, end - word.length());
      if (at < 0) {
        break;
      }
      covered++;
      end = at;
    }
    return end == 0 || covered > 0 && DROPPED_WORDS.matcher(text.substring(0, end)).matches() ? covered : 0;
  }

  /**
   * Only the proximity clauses that {@link #build(List, List, BooleanClause.Occur, int)} would add
   * for {@code concepts}, as optional clauses; null when there are none. A cluster that receives a
   * run's proximity apart from its concepts builds it with this, so the two score alike.
   */
  public Query proximityOf(List<String> fields, List<Concept> concepts, int slop) {
    int base = 0;
    for (Concept c : concepts) {
      Query q = build(fields, c, slop);
      base += q == null ? 0 : ConceptProximity.budgetClauses(q);
    }
    return any(ConceptProximity.withinBudget(proximity(fields, concepts), base));
  }

  /**
   * Whether {@code a} is a phrase concept's own text, whose words their own concepts search. By
   * text, not origin: a concept that came over the wire has lost its origins.
   */
  private static boolean isPhrasesOwnText(Concept concept, Alternative a) {
    return concept.phrase() && a.text().equals(concept.source());
  }

  /** Each alternative's terms in {@code field}. */
  private List<List<String>> analyzed(String field, Concept concept) {
    List<List<String>> out = new ArrayList<>(concept.alternatives().size());
    for (Alternative a : concept.alternatives()) {
      out.add(analyze(field, a.text()));
    }
    return out;
  }

  /** The alternatives of one script: single terms and phrases. */
  private static final class Side {
    final Map<String, Float> singles = new LinkedHashMap<>();
    /** Each distinct phrase with its highest weight. */
    final Map<Query, Float> phrases = new LinkedHashMap<>();

    /** A synonym query over the single terms, the phrases beside it, the best one counting; null if empty. */
    Query query(String field) {
      List<Query> options = new ArrayList<>();
      if (singles.size() == 1 && singles.values().iterator().next() == 1f) {
        options.add(new TermQuery(new Term(field, singles.keySet().iterator().next())));
      } else if (!singles.isEmpty()) {
        SynonymQuery.Builder s = new SynonymQuery.Builder(field);
        singles.forEach((t, w) -> s.addTerm(new Term(field, t), w));
        options.add(s.build());
      }
      phrases.forEach((q, w) -> options.add(weighted(q, w)));
      if (options.isEmpty()) {
        return null;
      }
      return options.size() == 1 ? options.get(0) : new DisjunctionMaxQuery(options, 0f);
    }
  }

  /**
   * A word of three or more Han characters in {@link Fields#HAN_BIGRAMS}: all of its bigrams, in
   * any order. The field keeps no positions (they were much of its indexing cost:
   * bench/perf/RESULTS.md, sessions 33 and 34), so the phrase of the bigrams cannot be asked; a
   * word's bigrams seldom occur apart in a page that does not hold the word. Measured against the
   * phrase on both cross-language
   * benchmarks (bench/crosslang/BIGRAM-SWEEP.md, the 16 sets with Chinese documents): every set
   * within 0.0021 of MRR@10, the mean 0.0001 lower.
   */
  private static Query allOf(String field, List<String> bigrams) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String t : new LinkedHashSet<>(bigrams)) {
      b.add(new TermQuery(new Term(field, t)), BooleanClause.Occur.MUST);
    }
    return b.build();
  }

  /** {@code q} scaled by a weight below 1; as it is at 1. */
  private static Query weighted(Query q, float weight) {
    return weight < 1f ? new BoostQuery(q, weight) : q;
  }

  /** The queries as optional clauses, scores added; null if none. */
  private static Query any(List<Query> queries) {
    if (queries.isEmpty()) {
      return null;
    }
    if (queries.size() == 1) {
      return queries.get(0);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    queries.forEach(q -> b.add(q, BooleanClause.Occur.SHOULD));
    return b.build();
  }

  /**
   * The terms of {@code text} in {@code field}, one per position from the first term on: a
   * position the analyzer left empty inside the text (a stop word) is an empty string, so that
   * phrases keep the gaps the indexed text has. No empty string comes first or last.
   */
  private List<String> analyze(String field, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (!terms.isEmpty()) {
          for (int gap = increment.getPositionIncrement(); gap > 1; gap--) {
            terms.add("");
          }
        }
        if (increment.getPositionIncrement() > 0 || terms.isEmpty()) {
          terms.add(term.toString());
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }
}
