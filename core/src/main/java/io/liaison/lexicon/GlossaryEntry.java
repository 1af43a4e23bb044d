package io.liaison.lexicon;

import java.util.List;

/**
 * One concept of a user glossary: terms in any language or script that mean the same thing.
 *
 * @param terms the terms as written in the file, in order, at least two
 * @param line the 1-based line of the glossary file it came from
 */
public record GlossaryEntry(List<String> terms, int line) {
  public GlossaryEntry {
    terms = List.copyOf(terms);
  }
}
