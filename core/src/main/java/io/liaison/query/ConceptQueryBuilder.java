package io.liaison.query;

import io.liaison.index.Fields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
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
 * best of them. Across fields the per-field queries are summed, the title boosted.
 *
 * <p>Both the embedded {@link LiaisonQueryParser} and the OpenSearch plugin's {@code
 * liaison_concepts} query build through this class, so a concept scores the same in either. It
 * is a pure function of its arguments and thread-safe.
 */
public final class ConceptQueryBuilder implements ConceptQueryFactory {
  private final Analyzer analyzer;
  private final Set<Ablation> ablations;
  private final float titleBoost;

  /**
   * @param analyzer analyses each alternative per field, as the index analysed the documents
   * @param ablations parts of the scoring switched off (only {@link Ablation#STRUCTURE} matters here)
   * @param titleBoost the title's weight when a concept is searched in several fields
   */
  public ConceptQueryBuilder(Analyzer analyzer, Set<Ablation> ablations, float titleBoost) {
    this.analyzer = analyzer;
    this.ablations = Set.copyOf(ablations);
    this.titleBoost = titleBoost;
  }

  /** The concept in each of {@code fields}, summed; null when no alternative has a searchable term. */
  @Override
  public Query build(List<String> fields, Concept concept, int slop) {
    List<Query> perField = new ArrayList<>();
    for (String f : fields) {
      Query q = inField(f, concept, slop);
      if (q != null) {
        perField.add(f.equals(Fields.TITLE) && fields.size() > 1 ? new BoostQuery(q, titleBoost) : q);
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
   * Several concepts, each across {@code fields}, joined with {@code occur}; null when none has a
   * searchable term. How a run of plain words is searched. A {@linkplain Concept#phrase() phrase}
   * concept is always optional (SHOULD), as in {@link LiaisonQueryParser}: it adds to the concepts
   * of its words, so requiring it would lose documents that word the idea differently.
   */
  public Query build(List<String> fields, List<Concept> concepts, BooleanClause.Occur occur, int slop) {
    List<Query> parts = new ArrayList<>();
    List<BooleanClause.Occur> occurs = new ArrayList<>();
    for (Concept c : concepts) {
      Query q = build(fields, c, slop);
      if (q != null) {
        parts.add(q);
        occurs.add(c.phrase() ? BooleanClause.Occur.SHOULD : occur);
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (int i = 0; i < parts.size(); i++) {
      b.add(parts.get(i), occurs.get(i));
    }
    return b.build();
  }

  /** One concept in one field: a synonym query over single terms, phrases beside it, the best one counts. */
  public Query inField(String field, Concept concept, int slop) {
    Map<String, Float> singles = new LinkedHashMap<>();
    List<Query> phrases = new ArrayList<>();
    for (Alternative a : concept.alternatives()) {
      if (concept.phrase() && a.text().equals(concept.source())) {
        // The phrase's own words are searched by their concepts; it adds only its translations.
        // (By text, not origin: a concept that came over the wire has lost its origins.)
        continue;
      }
      List<String> terms = analyze(field, a.text());
      if (terms.isEmpty()) {
        continue;
      }
      if (terms.size() == 1) {
        singles.merge(terms.get(0), a.weight(), Math::max);
      } else {
        PhraseQuery.Builder p = new PhraseQuery.Builder();
        p.setSlop(Math.max(slop, 0));
        for (String t : terms) {
          p.add(new Term(field, t));
        }
        Query pq = p.build();
        phrases.add(a.weight() < 1f ? new BoostQuery(pq, a.weight()) : pq);
      }
    }
    List<Query> options = new ArrayList<>();
    if (ablations.contains(Ablation.STRUCTURE)) {
      // Ablation: every translation is a clause of its own, so many translations outweigh few.
      singles.forEach((t, w) -> options.add(w < 1f ? new BoostQuery(new TermQuery(new Term(field, t)), w) : new TermQuery(new Term(field, t))));
      options.addAll(phrases);
      if (options.isEmpty()) {
        return null;
      }
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      options.forEach(q -> b.add(q, BooleanClause.Occur.SHOULD));
      return options.size() == 1 ? options.get(0) : b.build();
    }
    if (singles.size() == 1 && singles.values().iterator().next() == 1f) {
      options.add(new TermQuery(new Term(field, singles.keySet().iterator().next())));
    } else if (!singles.isEmpty()) {
      SynonymQuery.Builder s = new SynonymQuery.Builder(field);
      singles.forEach((t, w) -> s.addTerm(new Term(field, t), w));
      options.add(s.build());
    }
    options.addAll(phrases);
    if (options.isEmpty()) {
      return null;
    }
    return options.size() == 1 ? options.get(0) : new DisjunctionMaxQuery(options, 0f);
  }

  private List<String> analyze(String field, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        terms.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }
}
