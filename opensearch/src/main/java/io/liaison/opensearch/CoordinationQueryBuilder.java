package io.liaison.opensearch;

import io.liaison.query.CoordinationQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.search.Query;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryRewriteContext;
import org.opensearch.index.query.QueryShardContext;

/**
 * The query {@value #NAME}: a query whose scores are scaled by the share of {@code concepts} a
 * document matches, as core's {@link CoordinationQuery} scales them in the embedded library.
 *
 * <pre>{@code
 * {"liaison_coordination": {"query": {...}, "concepts": [{"liaison_concepts": {...}}, ...], "exponent": 0.5}}
 * }</pre>
 *
 * The library sends it for a query of few words ({@code LiaisonQueryParser}); {@code exponent}
 * may be left out and is then 0.5.
 */
public final class CoordinationQueryBuilder extends AbstractQueryBuilder<CoordinationQueryBuilder> {
  public static final String NAME = "liaison_coordination";

  private final QueryBuilder query;
  private final List<QueryBuilder> concepts;
  private final float exponent;

  public CoordinationQueryBuilder(QueryBuilder query, List<QueryBuilder> concepts, float exponent) {
    if (concepts.isEmpty()) {
      throw new IllegalArgumentException("[" + NAME + "] needs at least one concept to count");
    }
    this.query = Objects.requireNonNull(query, "[" + NAME + "] needs a query");
    this.concepts = List.copyOf(concepts);
    this.exponent = exponent;
  }

  /** Reads the query from another node. */
  public CoordinationQueryBuilder(StreamInput in) throws IOException {
    super(in);
    this.query = in.readNamedWriteable(QueryBuilder.class);
    this.concepts = List.copyOf(in.readNamedWriteableList(QueryBuilder.class));
    this.exponent = in.readFloat();
  }

  @Override
  protected void doWriteTo(StreamOutput out) throws IOException {
    out.writeNamedWriteable(query);
    out.writeNamedWriteableList(concepts);
    out.writeFloat(exponent);
  }

  @Override
  protected void doXContent(XContentBuilder builder, Params params) throws IOException {
    builder.startObject(NAME);
    builder.field("query");
    query.toXContent(builder, params);
    builder.startArray("concepts");
    for (QueryBuilder c : concepts) {
      c.toXContent(builder, params);
    }
    builder.endArray();
    builder.field("exponent", exponent);
    printBoostAndQueryName(builder);
    builder.endObject();
  }

  /** Parses the JSON form shown in the class comment. */
  public static CoordinationQueryBuilder fromXContent(XContentParser parser) throws IOException {
    QueryBuilder query = null;
    List<QueryBuilder> concepts = new ArrayList<>();
    float exponent = 0.5f;
    float boost = DEFAULT_BOOST;
    String queryName = null;
    String field = null;
    XContentParser.Token token;
    while ((token = parser.nextToken()) != XContentParser.Token.END_OBJECT) {
      if (token == XContentParser.Token.FIELD_NAME) {
        field = parser.currentName();
      } else if (token == XContentParser.Token.START_OBJECT && "query".equals(field)) {
        query = parseInnerQueryBuilder(parser);
      } else if (token == XContentParser.Token.START_ARRAY && "concepts".equals(field)) {
        while (parser.nextToken() != XContentParser.Token.END_ARRAY) {
          concepts.add(parseInnerQueryBuilder(parser));
        }
      } else if (token.isValue()) {
        switch (String.valueOf(field)) {
          case "exponent" -> exponent = parser.floatValue();
          case "boost" -> boost = parser.floatValue();
          case "_name" -> queryName = parser.text();
          default -> throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] unknown field [" + field + "]");
        }
      } else {
        throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] unexpected " + token + " after [" + field + "]");
      }
    }
    try {
      return new CoordinationQueryBuilder(query, concepts, exponent).boost(boost).queryName(queryName);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ParsingException(parser.getTokenLocation(), e.getMessage(), e);
    }
  }

  @Override
  protected QueryBuilder doRewrite(QueryRewriteContext context) throws IOException {
    QueryBuilder rewritten = query.rewrite(context);
    List<QueryBuilder> parts = new ArrayList<>(concepts.size());
    boolean changed = rewritten != query;
    for (QueryBuilder c : concepts) {
      QueryBuilder r = c.rewrite(context);
      changed |= r != c;
      parts.add(r);
    }
    return changed ? new CoordinationQueryBuilder(rewritten, parts, exponent).boost(boost()).queryName(queryName()) : this;
  }

  @Override
  protected Query doToQuery(QueryShardContext context) throws IOException {
    List<Query> parts = new ArrayList<>(concepts.size());
    for (QueryBuilder c : concepts) {
      parts.add(c.toQuery(context));
    }
    return new CoordinationQuery(query.toQuery(context), parts, exponent);
  }

  @Override
  protected boolean doEquals(CoordinationQueryBuilder other) {
    return query.equals(other.query) && concepts.equals(other.concepts) && exponent == other.exponent;
  }

  @Override
  protected int doHashCode() {
    return Objects.hash(query, concepts, exponent);
  }

  @Override
  public String getWriteableName() {
    return NAME;
  }
}
