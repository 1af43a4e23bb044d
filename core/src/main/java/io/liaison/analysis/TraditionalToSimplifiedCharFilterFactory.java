package io.liaison.analysis;

import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.CharFilterFactory;

/**
 * Factory for {@link TraditionalToSimplifiedCharFilter}; SPI name {@value #NAME}, no arguments.
 *
 * <pre class="prettyprint">
 * &lt;charFilter class="io.liaison.analysis.TraditionalToSimplifiedCharFilterFactory"/&gt;
 * </pre>
 */
public final class TraditionalToSimplifiedCharFilterFactory extends CharFilterFactory {

  /** SPI name. */
  public static final String NAME = "liaisonTraditionalToSimplified";

  /** Creates the factory; it takes no arguments. */
  public TraditionalToSimplifiedCharFilterFactory(Map<String, String> args) {
    super(args);
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("Unknown parameters: " + args);
    }
  }

  /** Default ctor for compatibility with SPI. */
  public TraditionalToSimplifiedCharFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public Reader create(Reader input) {
    return new TraditionalToSimplifiedCharFilter(input);
  }

  // A pure character fold: query terms must be folded the same way.
  @Override
  public Reader normalize(Reader input) {
    return create(input);
  }
}
