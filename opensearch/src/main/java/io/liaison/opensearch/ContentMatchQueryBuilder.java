package io.liaison.opensearch;

import io.liaison.query.ContentMatchQuery;
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
 * The query {@value #NAME}: the documents a disjunction matches that also match one of its
 * {@code content} clauses, with the disjunction's scores, as core's {@link ContentMatchQuery}
 * finds them in the embedded library.
 *
 * <pre>{@code
 * {"liaison_content": {"query": {"bool": {"should": [...]}}, "content": [{"liaison_concepts": {...}}, ...]}}
 * }</pre>
 *
 * The library sends it for a query whose Chinese function words (的, 已) stand aside beside its
 * other words ({@code LiaisonQueryParser}): a page with only the function words is no hit.
 */
public final class ContentMatchQueryBuilder extends AbstractQueryBuilder<ContentMatchQueryBuilder> {
  public static final String NAME = "liaison_content";

  private final QueryBuilder query;
  private final List<QueryBuilder> content;

  public ContentMatchQueryBuilder(QueryBuilder query, List<QueryBuilder> content) {
    if (content.isEmpty()) {
      throw new IllegalArgumentException("[" + NAME + "] needs at least one content clause");
    }
    this.query = Objects.requireNonNull(query, "[" + NAME + "] needs a query");
    this.content = List.copyOf(content);
  }

  /** Reads the query from another node. */
  public ContentMatchQueryBuilder(StreamInput in) throws IOException {
    super(in);
    this.query = in.readNamedWriteable(QueryBuilder.class);
    this.content = List.copyOf(in.readNamedWriteableList(QueryBuilder.class));
  }

  @Override
  protected void doWriteTo(StreamOutput out) throws IOException {
    out.writeNamedWriteable(query);
    out.writeNamedWriteableList(content);
  }

  @Override
  protected void doXContent(XContentBuilder builder, Params params) throws IOException {
    builder.startObject(NAME);
    WrappingQueryParts.write(builder, params, query, "content", content);
    printBoostAndQueryName(builder);
    builder.endObject();
  }

  /** Parses the JSON form shown in the class comment. */
  public static ContentMatchQueryBuilder fromXContent(XContentParser parser) throws IOException {
    return WrappingQueryParts.parse(parser, NAME, "content", (field, p) -> false, ContentMatchQueryBuilder::new);
  }

  @Override
  protected QueryBuilder doRewrite(QueryRewriteContext context) throws IOException {
    QueryBuilder rewritten = query.rewrite(context);
    List<QueryBuilder> parts = WrappingQueryParts.rewrite(content, context);
    if (rewritten == query && parts == content) {
      return this;
    }
    return new ContentMatchQueryBuilder(rewritten, parts).boost(boost()).queryName(queryName());
  }

  @Override
  protected Query doToQuery(QueryShardContext context) throws IOException {
    List<Query> parts = WrappingQueryParts.toQueries(content, context);
    return new ContentMatchQuery(query.toQuery(context), parts);
  }

  @Override
  protected boolean doEquals(ContentMatchQueryBuilder other) {
    return query.equals(other.query) && content.equals(other.content);
  }

  @Override
  protected int doHashCode() {
    return Objects.hash(query, content);
  }

  @Override
  public String getWriteableName() {
    return NAME;
  }
}
