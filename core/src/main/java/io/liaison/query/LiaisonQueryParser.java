package io.liaison.query;

import io.liaison.analysis.AnalyzedToken;
import io.liaison.analysis.ChineseScript;
import io.liaison.index.Fields;
import io.liaison.lexicon.FunctionWords;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Lucene's classic query syntax over title and body, with each run of plain words translated into
 * weighted concepts.
 *
 * <p>A concept becomes, per field ({@link ConceptQueryBuilder}), one {@link org.apache.lucene.search.SynonymQuery} over its single-term alternatives (the
 * term frequencies of all translations count as one term, each scaled by its weight, as in a
 * probabilistic structured query) and a phrase query for each alternative that analyses to several
 * terms; a dis-max keeps the best of them. So a word with eight translations weighs no more than a
 * word with one. Not thread-safe: make one per query.
 */
public final class LiaisonQueryParser extends QueryParser {
  /** The field name queries use when they name none: title and body together. */
  public static final String DEFAULT_FIELD = "_text";
  /** QueryParserBase's CONJ_NONE and MOD_NONE, which it keeps to its package. */
  private static final int NO_CONJUNCTION = 0;
  private static final int NO_MODIFIER = 0;

  /**
   * The weight of the pages' renderings beside the translated query ({@link #withRendered}): BM25
   * scores summed, the rendering's at this share. Swept on both benchmarks' eight cross-language
   * sets (session 53): mean MRR@10 0.5871 without, 0.5913 at 0.1, 0.5947 at 0.2, 0.5972 at 0.3,
   * 0.5987 at 0.4, 0.6002 at 0.5; from 0.4 the manual pages' en→zh sentences fall below their
   * figure without (0.5801 → 0.5792), so the largest weight at which no set loses.
   */
  public static final float RENDERED_WEIGHT = 0.3f;

  private final QueryTranslator translator;
  private final boolean translate;
  private final Set<Ablation> ablations;
  private final float titleBoost;
  /** Builds the concepts' queries; {@link #withinClauseLimit(Supplier)} may change it to one that needs fewer clauses. */
  private ConceptQueryFactory concepts;
  private final WildcardWords wildcardWords;
  private final List<Concept> expansion = new ArrayList<>();
  /** The query being parsed, as typed: where an error is found. */
  private String current = "";
  /** The clauses of a run that are not a word's own (phrase concepts, proximity): optional whatever the default operator. */
  private final Set<Query> optionalParts = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  /** The proximity clauses among them (ConceptProximity). */
  private final Set<Query> proximityParts = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  /** Every word concept's query built while parsing (those of runs joined later are replaced; {@link #coordinated} counts only those the query holds). */
  private final List<Query> wordQueries = new ArrayList<>();
  /**
   * For a word concept's query, the queries of the phrase concepts that cover the word: 主机名 over
   * 主机 and 名. A page that holds the phrase's translation (hostname) holds its words, and {@link
   * #coordinated} counts them so.
   */
  private final Map<Query, List<Query>> coveringPhrases = new IdentityHashMap<>();
  /** The queries of Chinese function words that stand aside in their run ({@link QueryTranslator#standingAside}). */
  private final Set<Query> asideQueries = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  /**
   * A run of plain words as the syntax handed it over: its field, its text, and where its concepts
   * stand in {@link #expansion} (from inclusive, to exclusive).
   */
  private record Run(String field, String text, int from, int to) {}

  /** The text of each quoted phrase's query, so that an excluded one is known ({@link #rendered}). */
  private final Map<Query, String> quotedText = new IdentityHashMap<>();
  /** The words of the query's excluded clauses, as typed: they earn nothing in {@link #rendered}. */
  private final List<String> excludedText = new ArrayList<>();

  /** The run each clause of plain words came from, the clauses of a several-word run included. */
  private final Map<Query, Run> runs = new IdentityHashMap<>();
  /** Clauses that an operator or a modifier (AND, OR, NOT, +, -) put in front of: they start a new run. */
  private final Set<Query> introduced = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  public LiaisonQueryParser(
      Analyzer analyzer, QueryTranslator translator, boolean translate, Set<Ablation> ablations, float titleBoost) {
    this(analyzer, translator, translate, ablations, titleBoost, new ConceptQueryBuilder(analyzer, ablations, titleBoost));
  }

  /**
   * A parser whose concepts become queries through {@code concepts}; the other constructor builds
   * them with {@link ConceptQueryBuilder}.
   */
  public LiaisonQueryParser(Analyzer analyzer, QueryTranslator translator, boolean translate, Set<Ablation> ablations,
      float titleBoost, ConceptQueryFactory concepts) {
    super(DEFAULT_FIELD, analyzer);
    this.concepts = concepts;
    this.translator = translator;
    this.translate = translate;
    this.ablations = ablations;
    this.titleBoost = titleBoost;
    this.wildcardWords = new WildcardWords(translator::lexicon, analyzer);
    // Runs of plain words reach getFieldQuery whole, so phrases such as "belt and road" can match.
    setSplitOnWhitespace(false);
    setAllowLeadingWildcard(false);
    setDeterminizeWorkLimit(10_000);
  }

  /** The concepts of the last parsed query, in order. */
  public List<Concept> expansion() {
    return List.copyOf(expansion);
  }

  /** Parses query syntax; a malformed query gives a {@link QuerySyntaxException} with its position. */
  public Query parseQuery(String query) {
    current = query;
    try {
      return coordinated(notOnFunctionWordsAlone(withinClauseLimit(() -> parseSyntax(query))));
    } catch (UncheckedParseException e) {
      ParseException p = e.getCause();
      if (p.getCause() instanceof IndexSearcher.TooManyClauses) {
        throw new QuerySyntaxException("the query has more than " + IndexSearcher.getMaxClauseCount()
            + " clauses, the limit: use fewer words or wildcards", -1, p);
      }
      throw syntaxError(query, p);
    } catch (TokenMgrError e) {
      throw lexicalError(query, e);
    } catch (TooComplexToDeterminizeException e) {
      throw new QuerySyntaxException("a wildcard or regular expression is too complex to run (over "
          + getDeterminizeWorkLimit() + " steps to compile, the limit): make it more specific", -1, e);
    } catch (IllegalArgumentException e) {
      if (e instanceof QuerySyntaxException q) {
        throw q;
      }
      throw new QuerySyntaxException(e.getMessage(), -1, e);
    }
  }

  /**
   * The query with the punctuation of ordinary writing made spaces where the query syntax would
   * misread it; the length is kept, so error positions still point into what the user typed.
   *
   * <ul>
   *   <li>Question and exclamation marks that end a word or stand alone (before a space, a closing
   *       bracket or the end): "How do I put a package on hold?" asks a question, it does not mean
   *       hold plus any one letter, and as a wildcard the word would go untranslated; "CECC??",
   *       "What is CECC?!" and "what is CECC ?" are the same question. Inside a word ({@code te?t})
   *       a question mark stays a wildcard, and an exclamation mark before a word ({@code !draft})
   *       stays NOT.
   *   <li>A slash inside a word or standing alone: {@code member/developer}, {@code TCP/IP},
   *       {@code 中联部 / ILD}. The syntax reads a slash as the start of a regular expression,
   *       so these failed as an unclosed one. A slash that starts a word and is closed later
   *       ({@code /joh?n/}) is still a regular expression.
   *   <li>A colon that ends the query ("Examples:"), which the syntax would read as a field name
   *       waiting for its term.
   * </ul>
   *
   * Escaped or quoted characters keep their meaning. Before that, the quotation marks of ordinary
   * writing become the syntax's own where they pair up ({@link #typographicQuotes}).
   */
  static String plainPunctuation(String query) {
    char[] chars = typographicQuotes(query).toCharArray();
    boolean quoted = false;
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c == '\\') {
        i++; // the escaped character is literal
      } else if (c == '"') {
        quoted = !quoted;
      } else if (quoted) {
        continue;
      } else if (c == '?' || (c == '!' && i > 0 && !Character.isWhitespace(chars[i - 1]) && chars[i - 1] != '(')) {
        int end = i;
        while (end < chars.length && (chars[end] == '?' || chars[end] == '!')) {
          end++;
        }
        if (endsWord(chars, end)) { // an escaped mark never gets here: the backslash branch skips it
          Arrays.fill(chars, i, end, ' ');
        }
        i = end - 1;
      } else if (c == ':' && query.substring(i + 1).isBlank()) {
        chars[i] = ' '; // "Examples:" names no field and nothing follows: a word, not a half-written query
      } else if (c == '/') {
        int close = (i > 0 && Character.isLetterOrDigit(chars[i - 1])) || endsWord(chars, i + 1) ? -1 : closingSlash(chars, i + 1);
        if (close < 0) {
          chars[i] = ' ';
        } else {
          i = close; // a regular expression, read as it is
        }
      }
    }
    return new String(chars);
  }

  /** Each opening quotation mark of ordinary writing that {@link #typographicQuotes} pairs, with its closing one. */
  private static final String OPENING = "\u201c\u300c\u300e\uff02"; // “ 「 『 ＂
  private static final String CLOSING = "\u201d\u300d\u300f\uff02"; // ” 」 』 ＂

  /**
   * The query with each pair of typographic quotation marks, {@code “…”}, {@code 「…」}, {@code
   * 『…』} or full-width {@code ＂…＂}, made the syntax's {@code "…"}: a phrase. A Chinese input
   * method types “” (Simplified) or 「」 (Traditional) for the quote key, and word processors
   * turn {@code "} into “”, so a user who quotes a phrase that way means the phrase, as web search
   * engines read it. Only a mark whose partner follows, with no {@code "} between them, changes:
   * a lone one in pasted prose stays punctuation rather than a quote that is never closed. Marks
   * inside the syntax's own quotes or escaped with a backslash stay as typed. One character for
   * one, so error positions still point into what the user typed.
   */
  static String typographicQuotes(String query) {
    char[] chars = query.toCharArray();
    boolean quoted = false;
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      int kind = OPENING.indexOf(c);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && kind >= 0) {
        int close = -1;
        boolean words = false;
        for (int j = i + 1; j < chars.length && chars[j] != '"'; j++) {
          if (chars[j] == '\\') {
            j++;
            words = true;
          } else if (chars[j] == CLOSING.charAt(kind)) {
            close = j;
            break;
          } else {
            words |= !Character.isWhitespace(chars[j]);
          }
        }
        if (close > 0 && words) {
          chars[i] = '"';
          chars[close] = '"';
          i = close;
        }
      }
    }
    return new String(chars);
  }

  private static boolean endsWord(char[] chars, int next) {
    return next == chars.length || Character.isWhitespace(chars[next]) || chars[next] == ')';
  }

  /** The index of the unescaped slash that closes a regular expression opened before {@code from}, or -1. */
  private static int closingSlash(char[] chars, int from) {
    for (int i = from; i < chars.length; i++) {
      if (chars[i] == '\\') {
        i++;
      } else if (chars[i] == '/') {
        return i;
      }
    }
    return -1;
  }

  /** Reads text as plain words, no syntax: how topics are run in evaluation. */
  public Query parsePlain(String text) {
    Query q = withinClauseLimit(() -> conceptsQuery(List.of(Fields.TITLE, Fields.BODY), text, BooleanClause.Occur.SHOULD));
    return q == null ? new MatchNoDocsQuery("no searchable words") : coordinated(notOnFunctionWordsAlone(q));
  }

  /**
   * The query {@code parse} gives, made to fit Lucene's clause limit if it can be. Proximity and
   * Taiwan forms searched in Traditional pages only ({@link ConceptQueryBuilder#inField}) only
   * refine scores, so neither must be what makes a query fail. First, when the query passes the
   * limit, it is parsed again with its concepts' regional forms searched in every page, which takes
   * about half the clauses of each concept that has them; then, if that is still too many, without
   * its proximity clauses. Each run of words keeps its proximity within half the limit, but a query
   * of several runs (brackets, quotes, operators) could still add up.
   */
  private Query withinClauseLimit(Supplier<Query> parse) {
    Query q = parse.get();
    if (q == null || ConceptProximity.clauses(q) <= IndexSearcher.getMaxClauseCount()) {
      return q;
    }
    ConceptQueryFactory fewer = concepts.taiwanFormsEverywhere();
    if (fewer != concepts) {
      forget();
      concepts = fewer;
      q = parse.get();
    }
    if (q == null || proximityParts.isEmpty() || ConceptProximity.clauses(q) <= IndexSearcher.getMaxClauseCount()) {
      return q;
    }
    return ConceptProximity.without(q, proximityParts::contains);
  }

  /** Forgets what parsing the query told: before it is parsed again. */
  private void forget() {
    expansion.clear();
    optionalParts.clear();
    proximityParts.clear();
    wordQueries.clear();
    coveringPhrases.clear();
    asideQueries.clear();
    quotedText.clear();
    excludedText.clear();
    runs.clear();
    introduced.clear();
  }

  /** The query syntax parsed, its errors unchecked so that it can be a {@link Supplier}. */
  private Query parseSyntax(String query) {
    try {
      return parse(plainPunctuation(query));
    } catch (ParseException e) {
      throw new UncheckedParseException(e);
    }
  }

  /** A {@link ParseException} through {@link #withinClauseLimit(Supplier)}. */
  private static final class UncheckedParseException extends RuntimeException {
    UncheckedParseException(ParseException cause) {
      super(cause);
    }

    @Override
    public synchronized ParseException getCause() {
      return (ParseException) super.getCause();
    }
  }


  /**
   * {@code q} with each of its levels of optional clauses that holds Chinese function words
   * standing aside ({@link #asideQueries}) beside other clauses made a {@link ContentMatchQuery}:
   * 的 and 已 add to the score of a page that has 安装 or 软件包, but a page that has only them is
   * no hit (it was one, counted in totals and facets, at a score near 0 where coordination applies
   * and at its full BM25 score where it does not, on a short page high). A level that already
   * requires a clause needs nothing more, nor one with a minimum of optional clauses; the scores
   * of the pages that match are unchanged (the same clauses are summed).
   */
  private Query notOnFunctionWordsAlone(Query q) {
    if (asideQueries.isEmpty()) {
      return q;
    }
    if (q instanceof BoostQuery b) {
      Query inner = notOnFunctionWordsAlone(b.getQuery());
      return inner == b.getQuery() ? q : new BoostQuery(inner, b.getBoost());
    }
    if (!(q instanceof BooleanQuery b)) {
      return q;
    }
    List<BooleanClause> clauses = new ArrayList<>(b.clauses().size());
    boolean changed = false;
    for (BooleanClause c : b.clauses()) {
      Query sub = c.occur() == BooleanClause.Occur.MUST_NOT ? c.query() : notOnFunctionWordsAlone(c.query());
      changed |= sub != c.query();
      clauses.add(sub == c.query() ? c : new BooleanClause(sub, c.occur()));
    }
    // The content: the other optional clauses but proximity's, which match only where their
    // concepts do, so that checking them would only cost.
    List<Query> content = clauses.stream().filter(c -> c.occur() == BooleanClause.Occur.SHOULD
        && !asideQueries.contains(c.query()) && !ConceptProximity.isProximity(c.query())).map(BooleanClause::query).toList();
    boolean needed = b.getMinimumNumberShouldMatch() == 0
        && clauses.stream().noneMatch(BooleanClause::isRequired)
        && clauses.stream().anyMatch(c -> c.occur() == BooleanClause.Occur.SHOULD && asideQueries.contains(c.query()))
        && !content.isEmpty();
    if (!needed) {
      return changed ? rebuilt(b, clauses) : q;
    }
    // The optional clauses (all of them, so scores are as they were) as one disjunction that a
    // document matches only with one of the clauses that are not function words.
    List<Query> optional = clauses.stream().filter(c -> c.occur() == BooleanClause.Occur.SHOULD).map(BooleanClause::query).toList();
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    optional.forEach(o -> any.add(o, BooleanClause.Occur.SHOULD));
    Query matched = new ContentMatchQuery(any.build(), content);
    if (optional.size() == clauses.size()) {
      return matched;
    }
    BooleanQuery.Builder out = new BooleanQuery.Builder().add(matched, BooleanClause.Occur.MUST);
    clauses.stream().filter(c -> c.occur() != BooleanClause.Occur.SHOULD).forEach(out::add);
    return out.build();
  }

  private static Query rebuilt(BooleanQuery b, List<BooleanClause> clauses) {
    BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
    clauses.forEach(out::add);
    return out.build();
  }

  /**
   * The most word concepts a query may have and be coordinated in full ({@link
   * #COORDINATION_EXPONENT}). Measured on both bench/crosslang benchmarks (BM25-SWEEP.md, session
   * 46): up to 4, every title set rose or held but one and sentence sets moved by at most 0.003;
   * up to 6 at the same exponent, titles gained more and sentences began to lose.
   */
  static final int FULLY_COORDINATED_UP_TO = 4;

  /**
   * The most word concepts a query may have and still be coordinated, above {@link
   * #FULLY_COORDINATED_UP_TO} at {@link #LONGER_COORDINATION_EXPONENT}: the factor falls off with
   * the query's length. Measured on both benchmarks (BM25-SWEEP.md, session 48): 5 and 6 words at
   * 0.25 lifted the title sets (zh2en.title 0.6506 to 0.6625 on the Reference, p = 0.007;
   * mixed-zh.title 0.4090 to 0.4245 and zh2zh.title 0.4604 to 0.4691 on the manual pages) and
   * moved sentence sets by at most 0.006, none significantly.
   */
  static final int COORDINATED_UP_TO = 6;

  /** How much a word a document lacks costs it ({@link CoordinationQuery}), in a query of few words. */
  static final float COORDINATION_EXPONENT = 0.5f;

  /** The same in a query of 5 or 6 words, which describes more than it names: half as much. */
  static final float LONGER_COORDINATION_EXPONENT = 0.25f;

  /**
   * {@code q} scaled by the share of its word concepts a document matches, when it has from 2 to
   * {@link #COORDINATED_UP_TO} of them: a short query names one thing, and a page with all of its
   * words is likelier to be about it than one that repeats one of them. Only the concepts {@code
   * q} still holds, outside NOT, are counted.
   */
  private Query coordinated(Query q) {
    if (ablations.contains(Ablation.COORDINATION)) {
      return q;
    }
    Set<Query> held = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    collectPositive(q, held);
    // Each word once (a word typed twice builds two equal queries), with every phrase held that
    // covers it in either place.
    Map<Query, Set<Query>> counted = new LinkedHashMap<>();
    for (Query word : wordQueries) {
      if (held.contains(word)) {
        Set<Query> phrases = counted.computeIfAbsent(word, w -> new LinkedHashSet<>());
        coveringPhrases.getOrDefault(word, List.of()).stream().filter(held::contains).forEach(phrases::add);
      }
    }
    if (counted.size() < 2 || counted.size() > COORDINATED_UP_TO) {
      return q;
    }
    List<Query> units = new ArrayList<>(counted.size());
    counted.forEach((word, phrases) -> {
      if (phrases.isEmpty()) {
        units.add(word);
      } else {
        BooleanQuery.Builder either = new BooleanQuery.Builder().add(word, BooleanClause.Occur.SHOULD);
        phrases.forEach(p -> either.add(p, BooleanClause.Occur.SHOULD));
        units.add(either.build());
      }
    });
    return new CoordinationQuery(q, units,
        units.size() <= FULLY_COORDINATED_UP_TO ? COORDINATION_EXPONENT : LONGER_COORDINATION_EXPONENT);
  }

  /**
   * Notes in {@link #coveringPhrases} the phrase concepts of a run ({@code concepts}, all of them
   * in order, as proximity sees them) that cover each of its words, for the concepts that built a
   * query ({@code queryOf}).
   */
  private void noteCoverage(List<Concept> concepts, Map<Concept, Query> queryOf) {
    ConceptQueryBuilder.coveringPhrases(concepts).forEach((word, phrases) -> {
      Query w = queryOf.get(word);
      if (w != null) {
        for (Concept phrase : phrases) {
          Query p = queryOf.get(phrase);
          if (p != null) {
            coveringPhrases.computeIfAbsent(w, x -> new ArrayList<>()).add(p);
          }
        }
      }
    });
  }

  private static void collectPositive(Query q, Set<Query> held) {
    held.add(q);
    if (q instanceof BoostQuery b) {
      collectPositive(b.getQuery(), held);
    } else if (q instanceof ContentMatchQuery c) {
      collectPositive(c.query(), held);
    } else if (q instanceof BooleanQuery b) {
      for (BooleanClause c : b.clauses()) {
        if (c.occur() != BooleanClause.Occur.MUST_NOT) {
          collectPositive(c.query(), held);
        }
      }
    }
  }

  private static QuerySyntaxException syntaxError(String query, ParseException e) {
    // QueryParserBase.parse wraps the generated parser's exception, which holds the token.
    if (e.currentToken == null && e.getCause() instanceof ParseException inner) {
      e = inner;
    }
    if (e.getCause() instanceof TokenMgrError lexical) {
      return lexicalError(query, lexical);
    }
    Token t = e.currentToken;
    if (t == null || t.next == null) {
      String message = e.getMessage() == null ? "malformed query" : e.getMessage().lines().findFirst().orElse("malformed query");
      return new QuerySyntaxException(message, -1, e);
    }
    Token bad = t.next;
    if (bad.kind == 0) { // end of input
      return new QuerySyntaxException(
          "the query ends too early: close the bracket or quote, or put a word after the operator", query.length(), e);
    }
    int position = offsetOf(query, bad.beginLine, bad.beginColumn);
    return new QuerySyntaxException("unexpected '" + bad.image + "': quote it or escape it with \\ to search for it literally", position, e);
  }

  private static final java.util.regex.Pattern LINE_COLUMN =
      java.util.regex.Pattern.compile("line (\\d+), column (\\d+)");

  private static QuerySyntaxException lexicalError(String query, TokenMgrError e) {
    java.util.regex.Matcher m = LINE_COLUMN.matcher(String.valueOf(e.getMessage()));
    int position = m.find() ? offsetOf(query, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) - 1) : -1;
    String what = "a character here cannot be read: escape it with \\";
    if (String.valueOf(e.getMessage()).contains("<EOF>")) {
      int quote = query.lastIndexOf('"');
      position = quote >= 0 ? quote : query.length();
      what = quote >= 0
          ? "this quote is never closed: add the closing quote"
          : "the query ends after a backslash: remove it or escape what follows";
    }
    return new QuerySyntaxException(what, position, e);
  }

  /** Converts the parser's line (1-based) and column (0-based, as its char stream counts) to an offset. */
  private static int offsetOf(String query, int line, int column) {
    int offset = 0;
    for (int l = 1; l < line && offset < query.length(); l++) {
      int nl = query.indexOf('\n', offset);
      if (nl < 0) {
        break;
      }
      offset = nl + 1;
    }
    return Math.min(query.length(), offset + Math.max(0, column));
  }

  private List<String> textFields(String field) {
    if (field.equals(DEFAULT_FIELD)) {
      return List.of(Fields.TITLE, Fields.BODY);
    }
    if (field.equals(Fields.TITLE) || field.equals(Fields.BODY)) {
      return List.of(field);
    }
    return List.of();
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
    return getFieldQuery(field, queryText, quoted ? 0 : -1);
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
    List<String> fields = textFields(field);
    if (fields.isEmpty()) {
      if (Set.of(Fields.ID, Fields.LANG, Fields.FOLDER, Fields.HASH).contains(field)) {
        return new TermQuery(new Term(field, queryText));
      }
      // Not a field: a word before a colon in ordinary writing ("Voice over IP: SIP", "Note: the
      // system call ..."), which users paste. Both are searched as words; the expansion shows it.
      BooleanClause.Occur occur = defaultOccur();
      Query word = conceptsQuery(textFields(DEFAULT_FIELD), field, occur);
      Query rest = getFieldQuery(DEFAULT_FIELD, queryText, slop);
      if (word == null || rest == null) {
        return word == null ? rest : word;
      }
      return new BooleanQuery.Builder().add(word, occur).add(rest, occur).build();
    }
    if (slop >= 0) {
      return phraseConcept(fields, queryText, slop);
    }
    int from = expansion.size();
    Query q = conceptsQuery(fields, queryText, defaultOccur());
    if (q != null) {
      runs.put(q, new Run(field, queryText, from, expansion.size()));
    }
    return q;
  }

  /** How the words of a run are joined: required under AND as the default operator, else optional. */
  private BooleanClause.Occur defaultOccur() {
    return getDefaultOperator() == AND_OPERATOR ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD;
  }

  /** A run of plain words: one concept per source word or phrase, phrase concepts kept optional. */
  private Query conceptsQuery(List<String> fields, String text, BooleanClause.Occur occur) {
    List<Concept> translated = QueryTranslator.withoutLoneFunctionWords(translator.translate(text, translate, ablations));
    Set<Concept> aside = QueryTranslator.standingAside(translated);
    int before = expansion.size();
    Set<Query> words = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    // Optional clauses of concepts: phrases, and the function words that stand aside.
    Set<Query> optionalConcepts = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    Map<Concept, Query> queryOf = new IdentityHashMap<>();
    Query joined = concepts.build(fields, translated, occur, 0, (c, q) -> {
      expansion.add(c);
      boolean optional = c.phrase() || aside.contains(c);
      (optional ? optionalConcepts : words).add(q);
      if (!optional) {
        wordQueries.add(q);
      } else if (!c.phrase()) {
        asideQueries.add(q);
      }
      queryOf.put(c, q);
    });
    noteCoverage(translated, queryOf);
    // A lone part is the query itself. Otherwise the clauses that are not a word's own (phrase
    // concepts, proximity) were built optional and must stay so.
    if (expansion.size() - before > 1 && joined instanceof BooleanQuery b) {
      for (BooleanClause c : b.clauses()) {
        if (!words.contains(c.query())) {
          optionalParts.add(c.query());
          if (!optionalConcepts.contains(c.query())) {
            proximityParts.add(c.query());
          }
        }
      }
    }
    return joined;
  }

  /**
   * The classic parser re-adds the clauses of a run of words with the default operator; phrase
   * concepts must stay optional under AND, or a document that words the idea differently is lost,
   * and so must proximity, or a document whose words are far apart is lost.
   */
  @Override
  protected void addMultiTermClauses(List<BooleanClause> clauses, Query q) {
    int before = clauses.size();
    if (!(q instanceof BooleanQuery b) || b.clauses().stream().noneMatch(c -> optionalParts.contains(c.query()))) {
      super.addMultiTermClauses(clauses, q);
    } else {
      BooleanClause.Occur occur = defaultOccur();
      for (BooleanClause c : b.clauses()) {
        clauses.add(newBooleanClause(c.query(), optionalParts.contains(c.query()) ? BooleanClause.Occur.SHOULD : occur));
      }
    }
    Run run = runs.get(q);
    if (run != null) { // the run's clauses now stand apart in the list: each remembers its run
      for (BooleanClause c : clauses.subList(before, clauses.size())) {
        runs.put(c.query(), run);
      }
    }
  }

  @Override
  protected void addClause(List<BooleanClause> clauses, int conj, int mods, Query q) {
    if (q != null && (conj != NO_CONJUNCTION || mods != NO_MODIFIER)) {
      introduced.add(q);
    }
    super.addClause(clauses, conj, mods, q);
  }

  /**
   * The clauses of one level of the query, with the runs of plain words that stand side by side
   * with no operator between them read again as one run where that makes a unit of words across
   * them.
   *
   * <p>The syntax ends a run of words before a word that an operator follows: in {@code Xi Jinping
   * AND delegation} it hands over {@code Xi}, then {@code Jinping} (which the AND requires), so the
   * name, or a phrase such as {@code China Economic Liaison Center AND Taiwan}, would never reach
   * the translator whole. Such neighbours are translated together; when a unit spans them (a
   * dictionary, glossary or alias phrase, a person's name) their clauses are rebuilt from that
   * translation. Each word keeps what the operators made it (Jinping stays required, Xi optional,
   * as Lucene reads the syntax); a phrase concept stays optional, as in any run; a name, one
   * concept in place of its words, is required when any of its words was. A word that an operator
   * or modifier introduces ({@code OR Li}, {@code +Li}, {@code -Li}) starts a new run, and an
   * excluded word joins none.
   */
  @Override
  protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
    for (BooleanClause c : clauses) {
      if (c.occur() == BooleanClause.Occur.MUST_NOT) {
        noteExcluded(c.query());
      }
    }
    List<BooleanClause> joined = new ArrayList<>(clauses.size());
    int i = 0;
    while (i < clauses.size()) {
      int end = segmentEnd(clauses, i);
      if (end == i) {
        joined.add(clauses.get(i++));
        continue;
      }
      // Runs side by side from i: each run is its clauses, consecutive in the list.
      List<Integer> starts = new ArrayList<>(List.of(i));
      boolean excluded = excludes(clauses, i, i + 1); // an excluded run joins none
      while (!excluded && end < clauses.size() && joins(clauses, i, end)) {
        starts.add(end);
        end = segmentEnd(clauses, end);
      }
      if (starts.size() < 2 || !rejoin(clauses, starts, end, joined)) {
        joined.addAll(clauses.subList(i, end));
      }
      i = end;
    }
    return super.getBooleanQuery(joined);
  }

  /** The end (exclusive) of the clauses from {@code i} that came from {@code i}'s run of plain words; {@code i} when none did. */
  private int segmentEnd(List<BooleanClause> clauses, int i) {
    Run run = runs.get(clauses.get(i).query());
    if (run == null) {
      return i;
    }
    int end = i;
    while (end < clauses.size() && runs.get(clauses.get(end).query()) == run) {
      end++;
    }
    return end;
  }

  /**
   * Whether the run whose clauses start at {@code next} joins the runs from {@code first}: same
   * field, no operator before it, not excluded. (A run's clauses share one occur, so its first
   * clause stands for it.)
   */
  private boolean joins(List<BooleanClause> clauses, int first, int next) {
    Run a = runs.get(clauses.get(first).query());
    Run b = runs.get(clauses.get(next).query());
    return b != null && a.field().equals(b.field()) && !introduced.contains(clauses.get(next).query())
        && !excludes(clauses, next, next + 1);
  }

  private static boolean excludes(List<BooleanClause> clauses, int from, int to) {
    return clauses.subList(from, to).stream().anyMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT);
  }

  /**
   * Translates the runs starting at {@code starts} (the last ending at {@code end}) as one run and,
   * when a unit spans two of them, adds that run's clauses to {@code joined} and puts its concepts
   * in the runs' place in the expansion; false, adding nothing, when no unit spans them.
   */
  private boolean rejoin(List<BooleanClause> clauses, List<Integer> starts, int end, List<BooleanClause> joined) {
    StringBuilder text = new StringBuilder();
    int[] runStart = new int[starts.size()];
    BooleanClause.Occur[] runOccur = new BooleanClause.Occur[starts.size()];
    for (int r = 0; r < starts.size(); r++) {
      int from = starts.get(r);
      int to = r + 1 < starts.size() ? starts.get(r + 1) : end;
      if (r > 0) {
        text.append(' ');
      }
      runStart[r] = text.length();
      text.append(runs.get(clauses.get(from).query()).text());
      runOccur[r] = BooleanClause.Occur.SHOULD;
      for (BooleanClause c : clauses.subList(from, to)) {
        if (c.occur() == BooleanClause.Occur.MUST && !optionalParts.contains(c.query())) {
          runOccur[r] = BooleanClause.Occur.MUST;
        }
      }
    }
    List<QueryTranslator.Placed> placed = translator.placed(text.toString(), translate, ablations);
    if (placed.stream().noneMatch(p -> runOf(runStart, p.start()) != runOf(runStart, p.end() - 1))) {
      return false;
    }
    Run first = runs.get(clauses.get(starts.get(0)).query());
    Run last = runs.get(clauses.get(starts.get(starts.size() - 1)).query());
    List<Concept> kept = QueryTranslator.withoutLoneFunctionWords(placed.stream().map(QueryTranslator.Placed::concept).toList());
    Set<Concept> aside = QueryTranslator.standingAside(kept);
    Map<Concept, BooleanClause.Occur> occurs = new IdentityHashMap<>();
    for (QueryTranslator.Placed p : placed) {
      BooleanClause.Occur occur = BooleanClause.Occur.SHOULD;
      for (int r = runOf(runStart, p.start()); r <= runOf(runStart, p.end() - 1); r++) {
        if (runOccur[r] == BooleanClause.Occur.MUST) {
          occur = BooleanClause.Occur.MUST;
        }
      }
      occurs.put(p.concept(), p.concept().phrase() || aside.contains(p.concept()) ? BooleanClause.Occur.SHOULD : occur);
    }
    List<Concept> built = new ArrayList<>();
    Map<Query, Concept> conceptOf = new IdentityHashMap<>();
    Map<Concept, Query> queryOf = new IdentityHashMap<>();
    Query q = concepts.build(textFields(first.field()), kept, occurs::get, 0, (c, cq) -> {
      built.add(c);
      conceptOf.put(cq, c);
      if (!c.phrase() && !aside.contains(c)) {
        wordQueries.add(cq);
      } else if (!c.phrase()) {
        asideQueries.add(cq);
      }
      queryOf.put(c, cq);
    });
    noteCoverage(kept, queryOf);
    if (q == null) {
      return false;
    }
    // One concept and nothing else gives its own query; otherwise the concepts' and proximity's
    // clauses, each with its occur, which join the level's other clauses.
    List<BooleanClause> parts = conceptOf.containsKey(q)
        ? List.of(new BooleanClause(q, occurs.get(conceptOf.get(q))))
        : ((BooleanQuery) q).clauses();
    for (BooleanClause c : parts) {
      Concept concept = conceptOf.get(c.query());
      if (concept == null || concept.phrase() || aside.contains(concept)) {
        optionalParts.add(c.query());
      }
      if (concept == null) { // proximity: the first to go at the clause limit
        proximityParts.add(c.query());
      }
      joined.add(newBooleanClause(c.query(), c.occur()));
    }
    expansion.subList(first.from(), last.to()).clear();
    expansion.addAll(first.from(), built);
    return true;
  }

  /** Records the words typed in an excluded clause: its runs of plain words and quoted phrases, at any depth. */
  private void noteExcluded(Query q) {
    Run run = runs.get(q);
    if (run != null) {
      excludedText.add(run.text());
    } else if (quotedText.containsKey(q)) {
      excludedText.add(quotedText.get(q));
    } else if (q instanceof BoostQuery b) {
      noteExcluded(b.getQuery());
    } else if (q instanceof BooleanQuery b) {
      b.clauses().forEach(c -> noteExcluded(c.query()));
    }
  }

  /**
   * {@code parsed} with the pages' renderings in the other language ({@link Fields#RENDERED}) as
   * further evidence: the query's own words, untranslated, searched there, weighed at {@link
   * #RENDERED_WEIGHT} and only ever adding to the score of a page {@code parsed} matches, so the
   * hits, their count and the facets stay those of {@code parsed}. Where translation is off or
   * {@link Ablation#DOCUMENTS} is set, or no word is left to search, {@code parsed} itself.
   *
   * <p>Query translation misses a page that says the idea with a word the query's translations do
   * not hold; the page's own words, translated, may hold the query's word. The words searched are
   * those of the concepts in {@link #expansion} (the phrase concepts' words are already among
   * them) in the query's language (the script that weighs more in them), less the function words
   * and whatever an excluded clause typed. Measured on both
   * benchmarks in {@code bench/crosslang/LEXICON-SWEEP.md}, session 53.
   */
  public Query withRendered(Query parsed) {
    Query evidence = renderedEvidence(parsed);
    if (evidence == null) {
      return parsed;
    }
    return new BooleanQuery.Builder()
        .add(parsed, BooleanClause.Occur.MUST)
        .add(evidence, BooleanClause.Occur.SHOULD)
        .build();
  }

  /**
   * The optional clause {@link #withRendered} adds beside {@code parsed}, boost included, for a
   * searcher that adds its score to {@code parsed}'s best hits itself; null where it adds none.
   */
  public Query renderedEvidence(Query parsed) {
    Query rendered = rendered();
    return rendered == null || parsed instanceof MatchNoDocsQuery ? null : new BoostQuery(rendered, RENDERED_WEIGHT);
  }

  /** The words of the last parsed query searched in {@link Fields#RENDERED}, one optional term each; null when none. */
  Query rendered() {
    if (!translate || ablations.contains(Ablation.DOCUMENTS)) {
      return null;
    }
    Set<String> excluded = new LinkedHashSet<>();
    excludedText.forEach(t -> excluded.addAll(renderedTerms(t)));
    Set<String> terms = new LinkedHashSet<>();
    for (Concept c : expansion) {
      if (!c.phrase()) {
        terms.addAll(renderedTerms(c.source()));
      }
    }
    terms.removeAll(excluded);
    terms.removeIf(t -> FunctionWords.chinese().contains(t) || FunctionWords.english().contains(t));
    // Only the words of the query's own language: a Chinese question's English words (file, shell)
    // would meet the English renderings of Chinese pages, a monolingual search's own pages.
    boolean chinese = mostlyHan(terms);
    terms.removeIf(t -> ChineseScript.containsHan(t) != chinese);
    if (terms.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    terms.forEach(t -> b.add(new TermQuery(new Term(Fields.RENDERED, t)), BooleanClause.Occur.SHOULD));
    return b.build();
  }

  /** Whether Han characters weigh more than Latin letters in {@code terms}, a character as two letters (as pages are weighed). */
  private static boolean mostlyHan(Set<String> terms) {
    long han = 0;
    long latin = 0;
    for (String t : terms) {
      if (ChineseScript.containsHan(t)) {
        han += t.codePoints().filter(ChineseScript::isHan).count();
      } else {
        latin += t.chars().filter(Character::isLetter).count();
      }
    }
    return 2 * han >= latin && han > 0;
  }

  private List<String> renderedTerms(String text) {
    return AnalyzedToken.analyze(getAnalyzer(), Fields.RENDERED, text).stream().map(AnalyzedToken::term).toList();
  }

  /** Which run the character at {@code offset} of the joined text belongs to. */
  private static int runOf(int[] runStart, int offset) {
    int r = 0;
    while (r + 1 < runStart.length && runStart[r + 1] <= offset) {
      r++;
    }
    return r;
  }

  /** A quoted phrase: the phrase itself or any translation of it, as one concept. */
  private Query phraseConcept(List<String> fields, String text, int slop) {
    List<Concept> words = translator.translate(text, translate, ablations);
    List<Alternative> alternatives = new ArrayList<>();
    alternatives.add(new Alternative(text, 1f, Origin.QUERY, List.of()));
    if (words.size() == 1) {
      alternatives.addAll(words.get(0).alternatives().subList(1, words.get(0).alternatives().size()));
    } else if (translate && words.stream().allMatch(w -> w.alternatives().size() > 1)) {
      // Word by word: the best translation of each word, in order, as one phrase.
      StringBuilder joined = new StringBuilder();
      float weight = 1f;
      for (Concept w : words) {
        Alternative best = w.alternatives().get(1);
        joined.append(best.text()).append(' ');
        weight = Math.min(weight, best.weight());
      }
      alternatives.add(new Alternative(joined.toString().strip(), weight, Origin.DICTIONARY, List.of()));
    }
    Concept concept = new Concept(text, alternatives);
    Query q = acrossFields(fields, concept, slop);
    if (q != null) {
      expansion.add(concept);
      quotedText.put(q, text);
    }
    return q;
  }

  private Query acrossFields(List<String> fields, Concept concept, int slop) {
    return concepts.build(fields, concept, slop);
  }

  // Multi-term queries on the default field search title and body.

  private interface FieldQuery {
    Query build(String field) throws ParseException;
  }

  private Query eachField(String field, FieldQuery q) throws ParseException {
    List<String> fields = textFields(field);
    if (!field.equals(DEFAULT_FIELD)) {
      return q.build(field);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String f : fields) {
      Query fq = q.build(f);
      b.add(f.equals(Fields.TITLE) ? new BoostQuery(fq, titleBoost) : fq, BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  /**
   * A wildcard on a text field: the pattern matched against the indexed stems as Lucene does it,
   * and, inside an English word, the stems of the dictionary's words it matches ({@link
   * WildcardWords}): {@code econom?c} as typed fits no stem, economic being {@code econom}.
   */
  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    if ((termStr.startsWith("*") || termStr.startsWith("?")) && !(field.equals("*") && termStr.equals("*"))) {
      // Lucene's own message names WildcardQuery and no place; say where and what to do instead.
      throw new QuerySyntaxException("a word cannot start with * or ?: put at least one letter before it"
          + " (econ*), or escape it with \\ to search for the character itself", wordAt(termStr), null);
    }
    TermLimits.checkWildcard(termStr);
    boolean han = TermKey.isHan(termStr);
    return eachField(field, f -> {
      Query typed = super.getWildcardQuery(f, termStr);
      // In an English word on a stemmed field, also the stems of the dictionary's words it matches.
      return typed instanceof WildcardQuery pattern && !han && !textFields(f).isEmpty()
          ? wildcardWords.expand(pattern)
          : typed;
    });
  }

  /** Where {@code word} starts in the query as typed (its first occurrence at a word start), or -1. */
  private int wordAt(String word) {
    for (int at = current.indexOf(word); at >= 0; at = current.indexOf(word, at + 1)) {
      if (at == 0 || " \t\n(:+-\"".indexOf(current.charAt(at - 1)) >= 0) {
        return at;
      }
    }
    return current.indexOf(word);
  }

  /**
   * A prefix on a text field also finds the whole word it spells, by the word's stem: the index
   * holds Porter stems (economic is {@code econom}, happy is {@code happi}), so {@code economic*}
   * as typed would find nothing, not even economic. The stem is searched as a word, not as a
   * prefix: the stem of a cut-off word can be much shorter ({@code bus*}, stemmed as a plural, is
   * {@code bu}) and as a prefix would find bug and build.
   */
  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    return eachField(field, f -> {
      Query typed = super.getPrefixQuery(f, termStr);
      String stem = textFields(f).isEmpty() ? null : stemOf(f, termStr);
      if (stem == null || stem.startsWith(termStr.toLowerCase(Locale.ROOT))) {
        return typed; // the typed prefix already finds the stem
      }
      return new ConstantScoreQuery(new BooleanQuery.Builder()
          .add(typed, BooleanClause.Occur.SHOULD)
          .add(new TermQuery(new Term(f, stem)), BooleanClause.Occur.SHOULD)
          .build());
    });
  }

  /** The one term {@code word} analyses to in {@code field}, or null when it gives none or several. */
  private String stemOf(String field, String word) {
    List<AnalyzedToken> tokens = AnalyzedToken.analyze(getAnalyzer(), field, word);
    return tokens.size() == 1 ? tokens.get(0).term() : null;
  }


  /**
   * A bare {@code ~} allows as many edits as the word's length bears: none up to two characters,
   * one up to five, two beyond (Elasticsearch's {@code AUTO}, in characters). Lucene's default of
   * two edits for every word made {@code 经济~} match 43 of the sample corpus's 44 documents
   * (every word of one or two characters, Chinese or English, is within two edits of it) and
   * {@code cat~} words as unlike it as art, at and cut; {@code liason~} still finds liaison. A
   * number typed after the {@code ~} is taken as typed.
   */
  @Override
  protected float getFuzzyDistance(Token fuzzyToken, String termStr) {
    if (!fuzzyToken.image.equals("~")) {
      return super.getFuzzyDistance(fuzzyToken, termStr);
    }
    int length = termStr.codePointCount(0, termStr.length());
    return length <= 2 ? 0 : length <= 5 ? 1 : 2;
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
    return eachField(field, f -> super.getFuzzyQuery(f, termStr, minSimilarity));
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    TermLimits.checkRegexp(termStr);
    return eachField(field, f -> super.getRegexpQuery(f, termStr));
  }

  @Override
  protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
      throws ParseException {
    return eachField(field, f -> super.getRangeQuery(f, part1, part2, startInclusive, endInclusive));
  }
}
