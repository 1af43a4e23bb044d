/**
 * Bilingual dictionaries for query translation: the bundled {@link io.liaison.lexicon.Lexicon}
 * (compiled at build time from ECDICT and CC-CEDICT by {@link io.liaison.lexicon.LexiconCompiler})
 * and the user {@link io.liaison.lexicon.Glossary}.
 *
 * <p>Both are immutable and thread-safe; load them once and share them.
 */
package io.liaison.lexicon;
