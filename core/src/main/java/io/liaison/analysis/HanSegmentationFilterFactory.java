package io.liaison.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * Factory for {@link HanSegmentationFilter}; SPI name {@value #NAME}, no arguments.
 *
 * <pre class="prettyprint">
 * &lt;filter class="io.liaison.analysis.HanSegmentationFilterFactory"/&gt;
 * </pre>
 */
public final class HanSegmentationFilterFactory extends TokenFilterFactory {

  /** SPI name. */
  public static final String NAME = "liaisonHanSegmentation";

  /** Creates the factory; it takes no arguments. */
  public HanSegmentationFilterFactory(Map<String, String> args) {
    super(args);
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("Unknown parameters: " + args);
    }
  }

  /** Default ctor for compatibility with SPI. */
  public HanSegmentationFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new HanSegmentationFilter(input);
  }
}
