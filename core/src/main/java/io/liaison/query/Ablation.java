package io.liaison.query;

import java.util.Locale;

/** A part of query translation that can be switched off to measure what it is worth. */
public enum Ablation {
  /** Every translation weighs 1. */
  WEIGHTING,
  /** Translations are independent clauses instead of one concept. */
  STRUCTURE,
  /** No multi-word lookups: word by word only. */
  PHRASES,
  /** The user glossary is not used. */
  GLOSSARY,
  /** Aliases mined from the corpus are not used. */
  ALIASES,
  /** Neighbouring words found close together get no extra credit ({@link ConceptProximity}). */
  PROXIMITY,
  /** Chinese words match only as SmartCN cut them, not also by their bigrams ({@code Fields.HAN_BIGRAMS}). */
  BIGRAMS,
  /** A short query's documents are not scaled by the share of its words they match ({@link CoordinationQuery}). */
  COORDINATION,
  /** The pages' renderings in the other language are not searched ({@code LiaisonQueryParser#withRendered}). */
  DOCUMENTS;

  /** Parses a name such as {@code weighting}, listing the accepted names when it is none of them. */
  public static Ablation parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown ablation '" + name
          + "': use weighting, structure, phrases, glossary, aliases, proximity, bigrams, coordination or documents");
    }
  }
}
