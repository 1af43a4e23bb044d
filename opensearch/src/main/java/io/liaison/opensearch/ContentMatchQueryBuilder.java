package io.liaison.opensearch;

import io.liaison.query.ContentMatchQuery;
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
    builder.field("query");
    query.toXContent(builder, params);
    builder.startArray("content");
    for (QueryBuilder c : content) {
      c.toXContent(builder, params);
    }
    builder.endArray();
    printBoostAndQueryName(builder);
    builder.endObject();
  }

  /** Parses the JSON form shown in the class comment. */
  public static ContentMatchQueryBuilder fromXContent(XContentParser parser) throws IOException {
    QueryBuilder query = null;
    List<QueryBuilder> content = new ArrayList<>();
    float boost = DEFAULT_BOOST;
    String queryName = null;
    String field = null;
    XContentParser.Token token;
    while ((token = parser.nextToken()) != XContentParser.Token.END_OBJECT) {
      if (token == XContentParser.Token.FIELD_NAME) {
        field = parser.currentName();
      } else if (token == XContentParser.Token.START_OBJECT && "query".equals(field)) {
        query = parseInnerQueryBuilder(parser);
      } else if (token == XContentParser.Token.START_ARRAY && "content".equals(field)) {
        while (parser.nextToken() != XContentParser.Token.END_ARRAY) {
          content.add(parseInnerQueryBuilder(parser));
        }
      } else if (token.isValue()) {
        switch (String.valueOf(field)) {
          case "boost" -> boost = parser.floatValue();
          case "_name" -> queryName = parser.text();
          default -> throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] unknown field [" + field + "]");
        }
      } else {
        throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] unexpected " + token + " after [" + field + "]");
      }
    }
    try {
      return new ContentMatchQueryBuilder(query, content).boost(boost).queryName(queryName);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ParsingException(parser.getTokenLocation(), e.getMessage(), e);
    }
  }

  @Override
  protected QueryBuilder doRewrite(QueryRewriteContext context) throws IOException {
    QueryBuilder rewritten = query.rewrite(context);
    List<QueryBuilder> parts = new ArrayList<>(content.size());
    boolean changed = rewritten != query;
    for (QueryBuilder c : content) {
      QueryBuilder r = c.rewrite(context);
      changed |= r != c;
      parts.add(r);
    }
    return changed ? new ContentMatchQueryBuilder(rewritten, parts).boost(boost()).queryName(queryName()) : this;
  }

  @Override
  protected Query doToQuery(QueryShardContext context) throws IOException {
    List<Query> parts = new ArrayList<>(content.size());
    for (QueryBuilder c : content) {
      parts.add(c.toQuery(context));
    }
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
