package io.liaison.opensearch;

import io.liaison.query.CoordinationQuery;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.search.Query;
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
    WrappingQueryParts.write(builder, params, query, "concepts", concepts);
    builder.field("exponent", exponent);
    printBoostAndQueryName(builder);
    builder.endObject();
  }

  /** Parses the JSON form shown in the class comment. */
  public static CoordinationQueryBuilder fromXContent(XContentParser parser) throws IOException {
    float[] exponent = {0.5f};
    return WrappingQueryParts.parse(parser, NAME, "concepts", (field, p) -> {
      if (!"exponent".equals(field)) {
        return false;
      }
      exponent[0] = p.floatValue();
      return true;
    }, (query, concepts) -> new CoordinationQueryBuilder(query, concepts, exponent[0]));
  }

  @Override
  protected QueryBuilder doRewrite(QueryRewriteContext context) throws IOException {
    QueryBuilder rewritten = query.rewrite(context);
    List<QueryBuilder> parts = WrappingQueryParts.rewrite(concepts, context);
    if (rewritten == query && parts == concepts) {
      return this;
    }
    return new CoordinationQueryBuilder(rewritten, parts, exponent).boost(boost()).queryName(queryName());
  }

  @Override
  protected Query doToQuery(QueryShardContext context) throws IOException {
    List<Query> parts = WrappingQueryParts.toQueries(concepts, context);
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
