package io.liaison.opensearch;

import java.io.IOException;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.QueryShardContext;
import org.opensearch.search.suggest.SuggestionBuilder;
import org.opensearch.search.suggest.SuggestionSearchContext.SuggestionContext;

/**
 * The suggester {@value #NAME}, as a search request names it:
 *
 * <pre>{@code
 * "suggest": {"t": {"text": "liai", "liaison_terms": {"field": "body", "size": 8, "shard_size": 2000}}}
 * }</pre>
 *
 * The text is a prefix of indexed terms, matched as it is: fold it (Simplified, lower case) first.
 */
public final class PrefixTermsSuggestionBuilder extends SuggestionBuilder<PrefixTermsSuggestionBuilder> {
  public static final String NAME = "liaison_terms";

  public PrefixTermsSuggestionBuilder(String field) {
    super(field);
  }

  /** Reads the suggestion from another node. */
  public PrefixTermsSuggestionBuilder(StreamInput in) throws IOException {
    super(in);
  }

  @Override
  protected void doWriteTo(StreamOutput out) {
    // Only the common fields, which the superclass writes.
  }

  @Override
  protected XContentBuilder innerToXContent(XContentBuilder builder, Params params) {
    return builder;
  }

  /** Parses {@code {"field": ..., "size": ..., "shard_size": ...}}. */
  public static PrefixTermsSuggestionBuilder fromXContent(XContentParser parser) throws IOException {
    String field = null;
    Integer size = null;
    Integer shardSize = null;
    String name = null;
    XContentParser.Token token;
    while ((token = parser.nextToken()) != XContentParser.Token.END_OBJECT) {
      if (token == XContentParser.Token.FIELD_NAME) {
        name = parser.currentName();
      } else if (token.isValue()) {
        switch (String.valueOf(name)) {
          case "field" -> field = parser.text();
          case "size" -> size = parser.intValue();
          case "shard_size" -> shardSize = parser.intValue();
          default -> throw new ParsingException(parser.getTokenLocation(),
              "[" + NAME + "] unknown field [" + name + "]; it takes field, size and shard_size");
        }
      } else {
        throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] unexpected " + token + " after [" + name + "]");
      }
    }
    if (field == null) {
      throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] needs a field, e.g. \"field\": \"body\"");
    }
    PrefixTermsSuggestionBuilder b = new PrefixTermsSuggestionBuilder(field);
    if (size != null) {
      b.size(size);
    }
    if (shardSize != null) {
      b.shardSize(shardSize);
    }
    return b;
  }

  @Override
  protected SuggestionContext build(QueryShardContext context) {
    PrefixTermsSuggester.Context c = new PrefixTermsSuggester.Context(context);
    populateCommonFields(context.getMapperService(), c);
    return c;
  }

  @Override
  protected boolean doEquals(PrefixTermsSuggestionBuilder other) {
    return true;
  }

  @Override
  protected int doHashCode() {
    return 0;
  }

  @Override
  public String getWriteableName() {
    return NAME;
  }
}
