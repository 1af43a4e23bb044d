package io.liaison.query;

import org.apache.lucene.util.automaton.RegExp;

/**
 * Refuses wildcard and regular expression terms that would be expensive to compile, before Lucene
 * compiles them. A repetition such as {@code a{1000}{1000}} parses in microseconds but compiles to
 * a million states, which takes seconds and much memory before the determinization limit is ever
 * checked; a pattern such as {@code l*a*b*c*...} stays under that limit but can spend a second
 * determinizing, per field.
 */
final class TermLimits {
  /** The most automaton states a query's regular expression may need (Lucene's own default work limit). */
  static final long MAX_STATES = 10_000;

  /** The most {@code *} and {@code ?} one wildcard term may hold. */
  static final int MAX_WILDCARDS = 10;

  private TermLimits() {}

  /** Throws {@link QuerySyntaxException} when {@code term} holds more than {@link #MAX_WILDCARDS} wildcards. */
  static void checkWildcard(String term) {
    long wildcards = term.chars().filter(c -> c == '*' || c == '?').count();
    if (wildcards > MAX_WILDCARDS) {
      throw new QuerySyntaxException("the wildcard term '" + abbreviate(term) + "' has " + wildcards
          + " wildcards; the limit is " + MAX_WILDCARDS + " per term", -1, null);
    }
  }

  /** Throws {@link QuerySyntaxException} when {@code regex} would compile to more than {@link #MAX_STATES} states. */
  static void checkRegexp(String regex) {
    long states = states(new RegExp(regex));
    if (states > MAX_STATES) {
      throw new QuerySyntaxException("the regular expression /" + abbreviate(regex) + "/ would need over "
          + MAX_STATES + " automaton states, the limit: use smaller repetition counts", -1, null);
    }
  }

  /** An upper estimate of the states of the expression's automaton, saturating rather than overflowing. */
  private static long states(RegExp e) {
    return switch (e.kind) {
      case REGEXP_UNION, REGEXP_CONCATENATION -> add(states(e.exp1), states(e.exp2));
      case REGEXP_INTERSECTION -> times(states(e.exp1), states(e.exp2));
      case REGEXP_OPTIONAL, REGEXP_REPEAT, REGEXP_COMPLEMENT, REGEXP_DEPRECATED_COMPLEMENT -> add(states(e.exp1), 1);
      case REGEXP_REPEAT_MIN -> times(states(e.exp1), e.min + 1L);
      case REGEXP_REPEAT_MINMAX -> times(states(e.exp1), Math.max(1L, Math.max(e.min, e.max)));
      case REGEXP_STRING -> e.s.length() + 1L;
      case REGEXP_INTERVAL -> times(10, Math.max(1, e.digits) + 1L);
      default -> 2;
    };
  }

  private static long add(long a, long b) {
    return Math.min(Long.MAX_VALUE / 4, a + b);
  }

  private static long times(long a, long b) {
    return a > (Long.MAX_VALUE / 4) / Math.max(1, b) ? Long.MAX_VALUE / 4 : a * b;
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
