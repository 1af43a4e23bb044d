package io.liaison.search;

import io.liaison.query.ConceptProximity;
import io.liaison.query.ConceptQueryBuilder;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * The query the highlighter needs for one field: the same query without the parts that search
 * other fields, when leaving them out cannot change what is marked.
 *
 * <p>The highlighter asks the query's weight which terms match each hit, and a translated query
 * searches every alternative in the title as well as the body: half its terms are looked up in
 * the title for every hit, only for the highlighter to keep the body's. In a pure disjunction
 * (every Boolean clause optional, at most one required to match; dis-max; boosts) the body's
 * matches of a document are the union of those of its body terms and phrases, whatever the
 * title's terms do, so those can go. So it is for a required clause that every hit matches (one
 * of the query's own, or of such a clause's, as {@code LiaisonQueryParser} requires the words
 * beside Chinese function words): the highlighter asks only about hits, so for a {@link
 * io.liaison.query.ContentMatchQuery} there too. Anything else (a required clause or a content
 * match deeper down, a prohibited clause, a minimum of two) makes a title term decide whether a
 * sibling's body matches count, and the query is used as it is; but a conjunction of terms on one
 * field (a word's Han bigrams) marks only there, and is kept whole there or dropped elsewhere.
 */
final class HighlightQuery {
  private HighlightQuery() {}

  /** Thrown inside {@link #strip} when the query is not a pure disjunction. */
  private static final class NotPure extends Exception {
    NotPure() {
      super(null, null, false, false);
    }
  }

  /** {@code query} without its clauses on fields other than {@code field}, or {@code query} itself (see above). */
  static Query forField(Query query, String field) {
    // Proximity clauses mark nothing their concepts do not (the highlighter marks a window's
    // words, not the window) but would have it match positions for every hit.
    query = ConceptProximity.without(query, ConceptProximity::isProximity);
    try {
      Query stripped = strip(query, field, true);
      return stripped == null ? new MatchNoDocsQuery("no clause on " + field) : stripped;
    } catch (NotPure e) {
      return query;
    }
  }

  /**
   * The field of {@code q} when it is a conjunction of terms all on that field (a word's Han
   * bigrams, {@code +han_bigrams:软件 +han_bigrams:件包}), else null.
   */
  private static String conjunctionField(Query q) {
    if (!(q instanceof BooleanQuery b) || b.clauses().isEmpty()) {
      return null;
    }
    String f = null;
    for (BooleanClause c : b.clauses()) {
      if (!c.isRequired() || !(c.query() instanceof TermQuery t) || (f != null && !f.equals(t.getTerm().field()))) {
        return null;
      }
      f = t.getTerm().field();
    }
    return f;
  }

  /**
   * The part of {@code q} on {@code field}, null when there is none; unknown query types are kept
   * whole. {@code everyHit}: every document asked about matches {@code q}, so its required clauses
   * mark what optional ones would.
   */
  private static Query strip(Query q, String field, boolean everyHit) throws NotPure {
    String termsField = conjunctionField(q);
    if (termsField != null) {
      // Marks only on its one field: kept whole there, gone elsewhere.
      return termsField.equals(field) ? q : null;
    }
    if (q instanceof BooleanQuery b) {
      BooleanClause script = ConceptQueryBuilder.scriptClause(b);
      if (script != null) {
        // A concept's branch for pages of one script: its marks count where the script is right.
        BooleanClause alternatives = b.clauses().get(b.clauses().get(0) == script ? 1 : 0);
        Query s = strip(alternatives.query(), field, false);
        return s == null ? null
            : new BooleanQuery.Builder().add(s, BooleanClause.Occur.MUST).add(script.query(), script.occur()).build();
      }
      if (b.getMinimumNumberShouldMatch() > 1) {
        throw new NotPure();
      }
      List<Query> kept = new ArrayList<>();
      for (BooleanClause c : b.clauses()) {
        boolean required = c.occur() == BooleanClause.Occur.MUST;
        if (c.occur() != BooleanClause.Occur.SHOULD && !(required && everyHit)) {
          throw new NotPure();
        }
        Query s = strip(c.query(), field, required);
        if (s != null) {
          kept.add(s);
        }
      }
      if (kept.isEmpty()) {
        return null;
      }
      BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
      kept.forEach(k -> out.add(k, BooleanClause.Occur.SHOULD));
      return out.build();
    }
    if (q instanceof DisjunctionMaxQuery d) {
      List<Query> kept = new ArrayList<>();
      for (Query sub : d.getDisjuncts()) {
        Query s = strip(sub, field, false);
        if (s != null) {
          kept.add(s);
        }
      }
      return kept.isEmpty() ? null : new DisjunctionMaxQuery(kept, d.getTieBreakerMultiplier());
    }
    if (q instanceof io.liaison.query.CoordinationQuery c) {
      return strip(c.query(), field, everyHit); // scales scores, matches what it wraps
    }
    if (q instanceof io.liaison.query.ContentMatchQuery c) {
      if (!everyHit) {
        throw new NotPure(); // a hit that it does not match must not have its function words marked
      }
      return strip(c.query(), field, true); // every hit matches it, so its disjunction
    }
    if (q instanceof BoostQuery b) {
      Query s = strip(b.getQuery(), field, everyHit);
      return s == null ? null : new BoostQuery(s, b.getBoost());
    }
    String leafField = switch (q) {
      case TermQuery t -> t.getTerm().field();
      case SynonymQuery s -> s.getField();
      case PhraseQuery p -> p.getField();
      case MultiTermQuery m -> m.getField();
      default -> null; // unknown: kept
    };
    return leafField == null || leafField.equals(field) ? q : null;
  }
}
