package io.liaison.opensearch;

import io.liaison.query.Ablation;
import io.liaison.query.Alternative;
import io.liaison.query.Concept;
import io.liaison.query.ConceptQueryBuilder;
import io.liaison.query.Origin;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.mapper.MappedFieldType;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.QueryShardContext;

/**
 * The query {@value #NAME}: translated concepts, scored by core's {@link ConceptQueryBuilder}, so a
 * shard builds the very Lucene query the embedded library builds.
 *
 * <pre>{@code
 * {"liaison_concepts": {
 *   "concepts": [{"source": "经济", "alternatives": [{"text": "经济", "weight": 1.0}, {"text": "economy", "weight": 0.8}],
 *                 "phrase": false}],
 *   "fields": ["title", "body"], "title_boost": 2.0, "operator": "or", "slop": 0, "ablations": []}}
 * }</pre>
 *
 * Each alternative is analysed with its field's search analyzer (the {@code liaison} analyzer in
 * the shipped mappings). Concepts join with {@code operator} ({@code or} or {@code and}); a concept
 * with {@code "phrase": true} (a multi-word unit, see {@link Concept#phrase()}) stays optional under
 * {@code and}. {@code phrase} may be left out and is then false. An alternative with {@code
 * "regional": true} is a Taiwan form ({@link Origin#VARIANT}), which counts only in documents
 * whose {@code script} is {@code Hant}; one with {@code "mainland": true} a mainland form ({@link
 * Origin#MAINLAND}), which counts only in the other documents; each may be left out and is then
 * false, and an alternative is not both. Several concepts are taken as a run
 * of words, whose neighbours found close together score extra ({@link
 * io.liaison.query.ConceptProximity}). With {@code "proximity_only": true} the query is only that
 * proximity, for a client that sends each concept as a query of its own (the library does, so that
 * the boolean structure of its query syntax carries over); it may be left out and is then false.
 */
public final class ConceptsQueryBuilder extends AbstractQueryBuilder<ConceptsQueryBuilder> {
  public static final String NAME = "liaison_concepts";

  private final List<Concept> concepts;
  private final List<String> fields;
  private final float titleBoost;
  private final boolean and;
  private final int slop;
  private final Set<Ablation> ablations;
  private final boolean proximityOnly;

  public ConceptsQueryBuilder(List<Concept> concepts, List<String> fields, float titleBoost, boolean and, int slop,
      Set<Ablation> ablations) {
    this(concepts, fields, titleBoost, and, slop, ablations, false);
  }

  /**
   * @param proximityOnly build only the proximity clauses of the concepts (a run of words whose
   *     concepts travel as queries of their own), not the concepts
   */
  public ConceptsQueryBuilder(List<Concept> concepts, List<String> fields, float titleBoost, boolean and, int slop,
      Set<Ablation> ablations, boolean proximityOnly) {
    if (concepts.isEmpty()) {
      throw new IllegalArgumentException("[" + NAME + "] needs at least one concept");
    }
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("[" + NAME + "] needs at least one field");
    }
    this.concepts = List.copyOf(concepts);
    this.fields = List.copyOf(fields);
    this.titleBoost = titleBoost;
    this.and = and;
    this.slop = slop;
    this.ablations = ablations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(ablations));
    this.proximityOnly = proximityOnly;
  }

  /** Reads the query from another node. */
  public ConceptsQueryBuilder(StreamInput in) throws IOException {
    super(in);
    int n = in.readVInt();
    List<Concept> read = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String source = in.readString();
      int m = in.readVInt();
      List<Alternative> alternatives = new ArrayList<>(m);
      for (int j = 0; j < m; j++) {
        alternatives.add(new Alternative(in.readString(), in.readFloat(), regionOf(in.readByte()), List.of()));
      }
      read.add(new Concept(source, alternatives, in.readBoolean()));
    }
    this.concepts = List.copyOf(read);
    this.fields = in.readStringList();
    this.titleBoost = in.readFloat();
    this.and = in.readBoolean();
    this.slop = in.readInt();
    EnumSet<Ablation> a = EnumSet.noneOf(Ablation.class);
    for (String s : in.readStringList()) {
      a.add(Ablation.valueOf(s));
    }
    this.ablations = Set.copyOf(a);
    this.proximityOnly = in.readBoolean();
  }

  /** An alternative's region on the wire: 0 none, 1 a Taiwan form, 2 a mainland form. */
  private static byte regionCode(Origin origin) {
    return origin == Origin.VARIANT ? (byte) 1 : origin == Origin.MAINLAND ? (byte) 2 : (byte) 0;
  }

  private static Origin regionOf(byte code) {
    return switch (code) {
      case 0 -> Origin.QUERY;
      case 1 -> Origin.VARIANT;
      case 2 -> Origin.MAINLAND;
      default -> throw new IllegalStateException("[" + NAME + "] unknown region code " + code
          + " from another node: install the same Liaison plugin version on every node of the cluster");
    };
  }

  @Override
  protected void doWriteTo(StreamOutput out) throws IOException {
    out.writeVInt(concepts.size());
    for (Concept c : concepts) {
      out.writeString(c.source());
      out.writeVInt(c.alternatives().size());
      for (Alternative a : c.alternatives()) {
        out.writeString(a.text());
        out.writeFloat(a.weight());
        out.writeByte(regionCode(a.origin()));
      }
      out.writeBoolean(c.phrase());
    }
    out.writeStringCollection(fields);
    out.writeFloat(titleBoost);
    out.writeBoolean(and);
    out.writeInt(slop);
    out.writeStringCollection(ablations.stream().map(Enum::name).sorted().toList());
    out.writeBoolean(proximityOnly);
  }

  @Override
  protected void doXContent(XContentBuilder builder, Params params) throws IOException {
    builder.startObject(NAME);
    builder.startArray("concepts");
    for (Concept c : concepts) {
      builder.startObject().field("source", c.source()).startArray("alternatives");
      for (Alternative a : c.alternatives()) {
        builder.startObject().field("text", a.text()).field("weight", a.weight());
        if (a.origin() == Origin.VARIANT) {
          builder.field("regional", true);
        } else if (a.origin() == Origin.MAINLAND) {
          builder.field("mainland", true);
        }
        builder.endObject();
      }
      builder.endArray().field("phrase", c.phrase()).endObject();
    }
    builder.endArray();
    builder.array("fields", fields.toArray(String[]::new));
    builder.field("title_boost", titleBoost);
    builder.field("operator", and ? "and" : "or");
    builder.field("slop", slop);
    builder.array("ablations", ablations.stream().map(a -> a.name().toLowerCase(Locale.ROOT)).sorted().toArray(String[]::new));
    if (proximityOnly) {
      builder.field("proximity_only", true);
    }
    printBoostAndQueryName(builder);
    builder.endObject();
  }

  /** Parses the JSON form shown in the class comment. */
  public static ConceptsQueryBuilder fromXContent(XContentParser parser) throws IOException {
    List<Concept> concepts = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    List<Ablation> ablations = new ArrayList<>();
    float titleBoost = 1f;
    boolean and = false;
    int slop = -1;
    boolean proximityOnly = false;
    float boost = DEFAULT_BOOST;
    String queryName = null;
    String field = null;
    XContentParser.Token token;
    while ((token = parser.nextToken()) != XContentParser.Token.END_OBJECT) {
      if (token == XContentParser.Token.FIELD_NAME) {
        field = parser.currentName();
      } else if (token == XContentParser.Token.START_ARRAY) {
        switch (String.valueOf(field)) {
          case "concepts" -> {
            while (parser.nextToken() != XContentParser.Token.END_ARRAY) {
              concepts.add(parseConcept(parser));
            }
          }
          case "fields" -> {
            while (parser.nextToken() != XContentParser.Token.END_ARRAY) {
              fields.add(parser.text());
            }
          }
          case "ablations" -> {
            while (parser.nextToken() != XContentParser.Token.END_ARRAY) {
              ablations.add(parseAblation(parser));
            }
          }
          default -> throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] unknown array [" + field + "]");
        }
      } else if (token.isValue()) {
        switch (String.valueOf(field)) {
          case "title_boost" -> titleBoost = parser.floatValue();
          case "operator" -> and = parseOperator(parser);
          case "slop" -> slop = parser.intValue();
          case "proximity_only" -> proximityOnly = parser.booleanValue();
          case "boost" -> boost = parser.floatValue();
          case "_name" -> queryName = parser.text();
          default -> throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] unknown field [" + field + "]");
        }
      } else {
        throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] unexpected " + token + " after [" + field + "]");
      }
    }
    try {
      return new ConceptsQueryBuilder(concepts, fields, titleBoost, and, slop, ablations.isEmpty() ? Set.of() : EnumSet.copyOf(ablations),
          proximityOnly).boost(boost).queryName(queryName);
    } catch (IllegalArgumentException e) {
      throw new ParsingException(parser.getTokenLocation(), e.getMessage(), e);
    }
  }

  private static boolean parseOperator(XContentParser parser) throws IOException {
    return switch (parser.text().toLowerCase(Locale.ROOT)) {
      case "and" -> true;
      case "or" -> false;
      default -> throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] operator must be and or or, not [" + parser.text() + "]");
    };
  }

  private static Ablation parseAblation(XContentParser parser) throws IOException {
    try {
      return Ablation.parse(parser.text());
    } catch (IllegalArgumentException e) {
      throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] " + e.getMessage(), e);
    }
  }

  private static Concept parseConcept(XContentParser parser) throws IOException {
    if (parser.currentToken() != XContentParser.Token.START_OBJECT) {
      throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] each concept is an object {source, alternatives, phrase}");
    }
    String source = null;
    boolean phrase = false;
    List<Alternative> alternatives = new ArrayList<>();
    String field = null;
    XContentParser.Token token;
    while ((token = parser.nextToken()) != XContentParser.Token.END_OBJECT) {
      if (token == XContentParser.Token.FIELD_NAME) {
        field = parser.currentName();
      } else if ("source".equals(field) && token.isValue()) {
        source = parser.text();
      } else if ("phrase".equals(field) && token.isValue()) {
        if (token != XContentParser.Token.VALUE_BOOLEAN) {
          throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] a concept's phrase is true or false, not [" + parser.text() + "]");
        }
        phrase = parser.booleanValue();
      } else if ("alternatives".equals(field) && token == XContentParser.Token.START_ARRAY) {
        while (parser.nextToken() != XContentParser.Token.END_ARRAY) {
          alternatives.add(parseAlternative(parser));
        }
      } else {
        throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] unknown concept field [" + field + "]");
      }
    }
    if (source == null || alternatives.isEmpty()) {
      throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] a concept needs a source and at least one alternative");
    }
    return new Concept(source, alternatives, phrase);
  }

  private static Alternative parseAlternative(XContentParser parser) throws IOException {
    String text = null;
    float weight = 1f;
    boolean regional = false;
    boolean mainland = false;
    String field = null;
    XContentParser.Token token;
    while ((token = parser.nextToken()) != XContentParser.Token.END_OBJECT) {
      if (token == XContentParser.Token.FIELD_NAME) {
        field = parser.currentName();
      } else if ("text".equals(field)) {
        text = parser.text();
      } else if ("weight".equals(field)) {
        weight = parser.floatValue();
      } else if ("regional".equals(field)) {
        if (token != XContentParser.Token.VALUE_BOOLEAN) {
          throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] an alternative's regional is true or false, not [" + parser.text() + "]");
        }
        regional = parser.booleanValue();
      } else if ("mainland".equals(field)) {
        if (token != XContentParser.Token.VALUE_BOOLEAN) {
          throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] an alternative's mainland is true or false, not [" + parser.text() + "]");
        }
        mainland = parser.booleanValue();
      } else {
        throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] unknown alternative field [" + field + "]");
      }
    }
    if (text == null) {
      throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] an alternative needs a text");
    }
    if (regional && mainland) {
      throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] an alternative is a Taiwan form (regional) or a mainland one (mainland), not both: [" + text + "]");
    }
    try {
      return new Alternative(text, weight, regional ? Origin.VARIANT : mainland ? Origin.MAINLAND : Origin.QUERY, List.of());
    } catch (IllegalArgumentException e) {
      throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] " + e.getMessage(), e);
    }
  }

  @Override
  protected Query doToQuery(QueryShardContext context) {
    Analyzer perField = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        MappedFieldType type = context.fieldMapper(fieldName);
        return type == null ? context.getIndexAnalyzers().getDefaultSearchAnalyzer() : context.getSearchAnalyzer(type);
      }
    };
    ConceptQueryBuilder builder = new ConceptQueryBuilder(perField, ablations, titleBoost);
    Query q = proximityOnly
        ? builder.proximityOf(fields, concepts, slop)
        : builder.build(fields, concepts, and ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD, slop);
    return q == null ? new MatchNoDocsQuery("no searchable terms in the concepts") : q;
  }

  @Override
  protected boolean doEquals(ConceptsQueryBuilder other) {
    return concepts.equals(other.concepts) && fields.equals(other.fields) && titleBoost == other.titleBoost
        && and == other.and && slop == other.slop && ablations.equals(other.ablations) && proximityOnly == other.proximityOnly;
  }

  @Override
  protected int doHashCode() {
    return Objects.hash(concepts, fields, titleBoost, and, slop, ablations, proximityOnly);
  }

  @Override
  public String getWriteableName() {
    return NAME;
  }
}
