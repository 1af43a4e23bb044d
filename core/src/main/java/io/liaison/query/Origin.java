package io.liaison.query;

/** Where a term of an expanded query came from. */
public enum Origin {
  /** The user's own word. */
  QUERY,
  /** The bilingual dictionary compiled from ECDICT. */
  DICTIONARY,
  /** The user's glossary. */
  GLOSSARY,
  /** An alias mined from an indexed document. */
  ALIAS
}
