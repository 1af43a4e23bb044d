package io.liaison.backend;

import io.liaison.query.Ablation;
import io.liaison.query.Alternative;
import io.liaison.query.Concept;
import io.liaison.query.Origin;
import io.liaison.query.QuerySyntaxException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefIterator;

/**
 * Writes the query that {@link io.liaison.query.LiaisonQueryParser} parsed as OpenSearch query DSL:
 * concepts as the plugin's {@code liaison_concepts}, the rest (boolean structure, fields such as
 * {@code lang:}, wildcards, ranges) as the standard queries that build the same Lucene queries.
 */
final class QueryDsl {
  private final float titleBoost;
  private final Set<Ablation> ablations;

  QueryDsl(float titleBoost, Set<Ablation> ablations) {
    this.titleBoost = titleBoost;
    this.ablations = ablations;
  }

  JsonObject toJson(Query q) {
    return write(q, 1f);
  }

  /** The body of a {@code liaison_concepts} query for {@code concepts}. */
  private JsonObjectBuilder concepts(List<Concept> concepts, List<String> fields, int slop) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (Concept c : concepts) {
      JsonArrayBuilder alternatives = Json.createArrayBuilder();
      for (Alternative a : c.alternatives()) {
        JsonObjectBuilder alternative = Json.createObjectBuilder().add("text", a.text()).add("weight", a.weight());
        if (a.origin() == Origin.VARIANT) {
          alternative.add("regional", true); // a Taiwan form, counted in Traditional pages only
        } else if (a.origin() == Origin.MAINLAND) {
          alternative.add("mainland", true); // a mainland form, counted in the other pages only
        }
        alternatives.add(alternative);
      }
      array.add(Json.createObjectBuilder().add("source", c.source()).add("alternatives", alternatives).add("phrase", c.phrase()));
    }
    JsonArrayBuilder ablationNames = Json.createArrayBuilder();
    ablations.stream().map(a -> a.name().toLowerCase(Locale.ROOT)).sorted().forEach(ablationNames::add);
    return Json.createObjectBuilder()
        .add("concepts", array)
        .add("fields", Json.createArrayBuilder(fields))
        .add("title_boost", titleBoost)
        .add("slop", slop)
        .add("ablations", ablationNames);
  }

  private JsonObject write(Query q, float boost) {
    if (q instanceof BoostQuery b) {
      return write(b.getQuery(), boost * b.getBoost());
    }
    if (q instanceof io.liaison.query.CoordinationQuery c) {
      // The plugin's liaison_coordination: the query, and each counted concept on its own.
      JsonArrayBuilder parts = Json.createArrayBuilder();
      c.concepts().forEach(part -> parts.add(write(part, 1f)));
      return wrap("liaison_coordination", withBoost(Json.createObjectBuilder()
          .add("query", write(c.query(), 1f)).add("concepts", parts).add("exponent", c.exponent()), boost));
    }
    if (q instanceof io.liaison.query.ContentMatchQuery c) {
      // The plugin's liaison_content: the disjunction, and the clauses of which a page needs one.
      JsonArrayBuilder content = Json.createArrayBuilder();
      c.content().forEach(part -> content.add(write(part, 1f)));
      return wrap("liaison_content", withBoost(Json.createObjectBuilder()
          .add("query", write(c.query(), 1f)).add("content", content), boost));
    }
    if (q instanceof RemoteConceptQuery c) {
      return wrap("liaison_concepts", withBoost(concepts(List.of(c.concept), c.fields, c.slop), boost));
    }
    if (q instanceof RemoteProximityQuery p) {
      // The run's concepts again, for the cluster to build only their proximity clauses.
      return wrap("liaison_concepts", withBoost(concepts(p.concepts, p.fields, 0).add("proximity_only", true), boost));
    }
    if (q instanceof BooleanQuery bq) {
      if (bq.clauses().isEmpty()) {
        return wrap("match_none", Json.createObjectBuilder());
      }
      JsonObjectBuilder bool = Json.createObjectBuilder();
      for (BooleanClause.Occur occur : BooleanClause.Occur.values()) {
        JsonArrayBuilder clauses = Json.createArrayBuilder();
        int n = 0;
        for (BooleanClause c : bq.clauses()) {
          if (c.occur() == occur) {
            clauses.add(write(c.query(), 1f));
            n++;
          }
        }
        if (n > 0) {
          bool.add(occur.name().toLowerCase(Locale.ROOT), clauses);
        }
      }
      if (bq.getMinimumNumberShouldMatch() > 0) {
        bool.add("minimum_should_match", bq.getMinimumNumberShouldMatch());
      }
      return wrap("bool", withBoost(bool, boost));
    }
    if (q instanceof TermQuery t) {
      return field("term", t.getTerm().field(), Json.createObjectBuilder().add("value", t.getTerm().text()), boost);
    }
    if (q instanceof MatchNoDocsQuery) {
      return wrap("match_none", Json.createObjectBuilder());
    }
    if (q instanceof ConstantScoreQuery c) {
      // A prefix or a wildcard beside the stems of the words it spells: matched, not scored.
      return wrap("constant_score", withBoost(Json.createObjectBuilder().add("filter", write(c.getQuery(), 1f)), boost));
    }
    if (q instanceof TermInSetQuery t) {
      JsonArrayBuilder values = Json.createArrayBuilder();
      try {
        BytesRefIterator terms = t.getBytesRefIterator();
        for (BytesRef term = terms.next(); term != null; term = terms.next()) {
          values.add(term.utf8ToString());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("reading the terms of an in-memory set failed", e); // it reads no files
      }
      return wrap("terms", withBoost(Json.createObjectBuilder().add(t.getField(), values), boost));
    }
    if (q instanceof WildcardQuery w) {
      return field("wildcard", w.getField(), Json.createObjectBuilder().add("value", w.getTerm().text()), boost);
    }
    if (q instanceof PrefixQuery p) {
      return field("prefix", p.getField(), Json.createObjectBuilder().add("value", p.getPrefix().text()), boost);
    }
    if (q instanceof RegexpQuery r) {
      return field("regexp", r.getField(), Json.createObjectBuilder().add("value", r.getRegexp().text()), boost);
    }
    if (q instanceof FuzzyQuery f) {
      return field("fuzzy", f.getField(), Json.createObjectBuilder()
          .add("value", f.getTerm().text()).add("fuzziness", f.getMaxEdits())
          .add("prefix_length", f.getPrefixLength()).add("transpositions", f.getTranspositions()), boost);
    }
    if (q instanceof TermRangeQuery r) {
      JsonObjectBuilder range = Json.createObjectBuilder();
      if (r.getLowerTerm() != null) {
        range.add(r.includesLower() ? "gte" : "gt", r.getLowerTerm().utf8ToString());
      }
      if (r.getUpperTerm() != null) {
        range.add(r.includesUpper() ? "lte" : "lt", r.getUpperTerm().utf8ToString());
      }
      return field("range", r.getField(), range, boost);
    }
    throw new QuerySyntaxException("this kind of query (" + q.getClass().getSimpleName()
        + ") is not supported on an OpenSearch index; search with words, phrases, AND/OR/NOT, field:, wildcards or ranges", -1, null);
  }

  private static JsonObjectBuilder withBoost(JsonObjectBuilder body, float boost) {
    return boost == 1f ? body : body.add("boost", boost);
  }

  private static JsonObject field(String type, String field, JsonObjectBuilder params, float boost) {
    return wrap(type, Json.createObjectBuilder().add(field, withBoost(params, boost)));
  }

  private static JsonObject wrap(String type, JsonObjectBuilder body) {
    return Json.createObjectBuilder().add(type, body).build();
  }
}
