package io.liaison.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.Query;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryRewriteContext;
import org.opensearch.index.query.QueryShardContext;

/**
 * What the plugin's queries that wrap a query beside a list of queries ({@code
 * liaison_coordination}'s concepts, {@code liaison_content}'s content) read, write and rewrite
 * alike: {@code {"query": {...}, "<list>": [{...}, ...], "boost": 1.0, "_name": "..."}} and the
 * builder's own scalar fields.
 */
final class WrappingQueryParts {
  private WrappingQueryParts() {}

  /** A scalar field of the builder's own: true when {@code field} was one (its value read from the parser). */
  @FunctionalInterface
  interface OwnField {
    boolean read(String field, XContentParser parser) throws IOException;
  }

  /** Makes the builder from the wrapped query and the list; an IllegalArgumentException says what is wrong. */
  @FunctionalInterface
  interface Make<B> {
    B make(QueryBuilder query, List<QueryBuilder> list);
  }

  /** Parses the object after the query's name, its boost and name set on the builder. */
  static <B extends AbstractQueryBuilder<B>> B parse(XContentParser parser, String name, String listField, OwnField own,
      Make<B> make) throws IOException {
    QueryBuilder query = null;
    List<QueryBuilder> list = new ArrayList<>();
    float boost = AbstractQueryBuilder.DEFAULT_BOOST;
    String queryName = null;
    String field = null;
    XContentParser.Token token;
    while ((token = parser.nextToken()) != XContentParser.Token.END_OBJECT) {
      if (token == XContentParser.Token.FIELD_NAME) {
        field = parser.currentName();
      } else if (token == XContentParser.Token.START_OBJECT && "query".equals(field)) {
        query = AbstractQueryBuilder.parseInnerQueryBuilder(parser);
      } else if (token == XContentParser.Token.START_ARRAY && listField.equals(field)) {
        while (parser.nextToken() != XContentParser.Token.END_ARRAY) {
          list.add(AbstractQueryBuilder.parseInnerQueryBuilder(parser));
        }
      } else if (token.isValue()) {
        switch (String.valueOf(field)) {
          case "boost" -> boost = parser.floatValue();
          case "_name" -> queryName = parser.text();
          default -> {
            if (!own.read(field, parser)) {
              throw new ParsingException(parser.getTokenLocation(), "[" + name + "] unknown field [" + field + "]");
            }
          }
        }
      } else {
        throw new ParsingException(parser.getTokenLocation(), "[" + name + "] unexpected " + token + " after [" + field + "]");
      }
    }
    try {
      return make.make(query, list).boost(boost).queryName(queryName);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ParsingException(parser.getTokenLocation(), e.getMessage(), e);
    }
  }

  /** Writes {@code "query": ..., "<listField>": [...]} into the builder's open object. */
  static void write(XContentBuilder builder, ToXContent.Params params, QueryBuilder query, String listField,
      List<QueryBuilder> list) throws IOException {
    builder.field("query");
    query.toXContent(builder, params);
    builder.startArray(listField);
    for (QueryBuilder q : list) {
      q.toXContent(builder, params);
    }
    builder.endArray();
  }

  /** The list rewritten, or {@code list} itself when no part changed. */
  static List<QueryBuilder> rewrite(List<QueryBuilder> list, QueryRewriteContext context) throws IOException {
    List<QueryBuilder> parts = new ArrayList<>(list.size());
    boolean changed = false;
    for (QueryBuilder q : list) {
      QueryBuilder r = q.rewrite(context);
      changed |= r != q;
      parts.add(r);
    }
    return changed ? parts : list;
  }

  /** The list's Lucene queries, in order. */
  static List<Query> toQueries(List<QueryBuilder> list, QueryShardContext context) throws IOException {
    List<Query> out = new ArrayList<>(list.size());
    for (QueryBuilder q : list) {
      out.add(q.toQuery(context));
    }
    return out;
  }
}
