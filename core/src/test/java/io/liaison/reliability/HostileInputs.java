package io.liaison.reliability;

import java.util.List;
import java.util.Random;

/**
 * Seeded generators of hostile query text: broken Unicode, query syntax soup, wildcard and regex
 * bombs, fuzzy terms with absurd edit distances, deep nesting and thousands of clauses. Every
 * input is a function of the seed, so a failure names the seed and the input and reproduces.
 */
final class HostileInputs {
  private static final String[] WORDS = {
    "liaison", "economic", "office", "harbour", "report", "china", "belt", "road", "council", "trade",
    "经济", "联络", "中心", "中国", "政府", "國務院", "臺灣", "一带一路", "贸促会", "iPhone", "CECC", "ＡＢＣ", "𠀀"
  };
  private static final String[] SYNTAX = {
    "(", ")", "\"", "*", "?", "~", "^", ":", "/", "\\", " AND ", " OR ", " NOT ", "+", "-", "[", "]", "{", "}",
    " TO ", "title:", "body:", "id:", "lang:", "folder:", "hash:", "nofield:", "&&", "||", "!", " ", "\t", "\n"
  };
  private static final String[] ODD_CHARS = {
    "\u0000", "\u0001", "\u001b", "\u007f", "\u0085", "\u00a0", "\u200b", "\u200e", "\u200f", "\u202a", "\u202e",
    "\u2066", "\u2069", "\ufeff", "\ufffd", "\uffff", "\ud800", "\udfff", "\udbff\udfff", "\ud83d\ude00", "\u0301",
    "\u3000", "\uff08", "\uff09", "\uff02"
  };

  /** The kinds of input, each a generator of its own. */
  enum Kind { UNICODE, SOUP, WILDCARD, REGEX, FUZZY, NESTING, CLAUSES, BOOSTS_AND_RANGES }

  private final Random random;

  HostileInputs(long seed) {
    this.random = new Random(seed);
  }

  /** One input of a kind picked at random, at most {@code maxChars} characters long. */
  String next(int maxChars) {
    Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
    String s = next(kind, maxChars);
    return s.length() > maxChars ? s.substring(0, maxChars) : s;
  }

  String next(Kind kind, int maxChars) {
    return switch (kind) {
      case UNICODE -> unicode(1 + random.nextInt(Math.max(1, Math.min(maxChars, 200))));
      case SOUP -> soup(1 + random.nextInt(40));
      case WILDCARD -> wildcard();
      case REGEX -> regex();
      case FUZZY -> fuzzy();
      case NESTING -> nesting(1 + random.nextInt(Math.max(1, maxChars / 2)));
      case CLAUSES -> clauses(maxChars);
      case BOOSTS_AND_RANGES -> boostsAndRanges();
    };
  }

  /** Random UTF-16 code units: any BMP unit, lone surrogates, controls and bidi marks included. */
  String unicode(int length) {
    StringBuilder sb = new StringBuilder(length);
    while (sb.length() < length) {
      switch (random.nextInt(6)) {
        case 0 -> sb.append((char) random.nextInt(0x10000));
        case 1 -> sb.append(ODD_CHARS[random.nextInt(ODD_CHARS.length)]);
        case 2 -> sb.appendCodePoint(0x10000 + random.nextInt(0x100000));
        case 3 -> sb.append((char) (0x4e00 + random.nextInt(0x5200)));
        case 4 -> sb.append(WORDS[random.nextInt(WORDS.length)]);
        default -> sb.append(SYNTAX[random.nextInt(SYNTAX.length)]);
      }
    }
    return sb.toString();
  }

  private String soup(int pieces) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      sb.append(random.nextBoolean() ? WORDS[random.nextInt(WORDS.length)] : SYNTAX[random.nextInt(SYNTAX.length)]);
    }
    return sb.toString();
  }

  private String wildcard() {
    StringBuilder sb = new StringBuilder(random.nextBoolean() ? "*" : random.nextBoolean() ? "?" : "l");
    int n = 1 + random.nextInt(60);
    for (int i = 0; i < n; i++) {
      sb.append((char) ('a' + random.nextInt(26))).append(random.nextInt(3) == 0 ? "?" : "*");
    }
    return field() + sb;
  }

  private static final List<String> REGEX_BOMBS = List.of(
      "(a|aa)+b", "(a*)*b", "(.*a){25}", "([a-z]+)*[0-9]", "[a-z]{1,1000}", "(a{1,50}){1,50}", "a{1000}{1000}",
      ".*.*.*.*.*.*.*.*.*=.*", "(x+x+)+y", "((((((((((a))))))))))*", "[^a]{0,500}b[^c]{0,500}", "(ab|a|b)*c{200}",
      "~(a|b)*&(a|b)*", "<1-99999999999>", "#@&~()");

  private String regex() {
    String body = REGEX_BOMBS.get(random.nextInt(REGEX_BOMBS.size()));
    if (random.nextBoolean()) {
      body = body + "(" + body + ")".repeat(random.nextInt(3));
    }
    return field() + "/" + body + "/";
  }

  private String fuzzy() {
    String word = WORDS[random.nextInt(WORDS.length)];
    String distance = switch (random.nextInt(6)) {
      case 0 -> "";
      case 1 -> Integer.toString(random.nextInt(10));
      case 2 -> Integer.toString(random.nextInt());
      case 3 -> "0." + random.nextInt(100);
      case 4 -> "99999999999999999999";
      default -> "-" + random.nextInt(5);
    };
    return field() + word + "~" + distance + (random.nextBoolean() ? "" : " \"" + word + " " + word + "\"~" + distance);
  }

  private String nesting(int depth) {
    String open = random.nextBoolean() ? "(" : random.nextBoolean() ? "+(" : "NOT (";
    String close = ")";
    if (random.nextInt(4) == 0) {
      close = ""; // unbalanced
    }
    return open.repeat(depth / open.length()) + WORDS[random.nextInt(WORDS.length)] + close.repeat(depth);
  }

  private String clauses(int maxChars) {
    StringBuilder sb = new StringBuilder();
    String op = random.nextBoolean() ? " OR " : random.nextBoolean() ? " " : " AND ";
    while (sb.length() < maxChars) {
      sb.append(WORDS[random.nextInt(WORDS.length)]);
      if (random.nextInt(5) == 0) {
        sb.append((char) ('a' + random.nextInt(26))).append('*');
      }
      sb.append(op);
    }
    return sb.toString();
  }

  private String boostsAndRanges() {
    String word = WORDS[random.nextInt(WORDS.length)];
    return switch (random.nextInt(6)) {
      case 0 -> word + "^" + random.nextInt();
      case 1 -> word + "^99999999999999999999999999";
      case 2 -> field() + "[" + word + " TO *]";
      case 3 -> "[* TO *]";
      case 4 -> field() + "{" + word + " TO " + WORDS[random.nextInt(WORDS.length)] + "}";
      default -> word + "^-1.5 " + word + "^0";
    };
  }

  private String field() {
    return switch (random.nextInt(5)) {
      case 0 -> "title:";
      case 1 -> "body:";
      default -> "";
    };
  }
}
