package io.liaison.lexicon;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A user glossary ({@code glossary.tsv}) of equivalent terms that overrides the dictionary.
 *
 * <p>Format: UTF-8; one concept per line, its terms separated by TABs; lines starting with {@code
 * #} and blank lines are ignored. For example:
 *
 * <pre>
 * 中国经济联络中心	中國經濟聯絡中心	China Economic Liaison Center	CECC
 * </pre>
 *
 * <p>Terms match case-insensitively and after the normaliser given at load time (for instance
 * Traditional-to-Simplified folding). Immutable and thread-safe.
 */
public final class Glossary {
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Glossary EMPTY = new Glossary(List.of(), Map.of(), s -> s);

  private final List<GlossaryEntry> entries;
  private final Map<String, Set<String>> byKey;
  private final UnaryOperator<String> normaliser;

  private Glossary(
      List<GlossaryEntry> entries, Map<String, Set<String>> byKey, UnaryOperator<String> normaliser) {
    this.entries = entries;
    this.byKey = byKey;
    this.normaliser = normaliser;
  }

  /** A glossary with no entries. */
  public static Glossary empty() {
    return EMPTY;
  }

  /** Loads a glossary, folding case only; a missing file gives the empty glossary. */
  public static Glossary load(Path file) throws IOException {
    return load(file, UnaryOperator.identity());
  }

  /**
   * Loads a glossary; {@code normaliser} folds script variants (e.g. {@code
   * ChineseScript::toSimplified}) and is applied, after lower-casing, to file terms and lookups.
   *
   * @throws IllegalArgumentException naming the file and line of a malformed line
   */
  public static Glossary load(Path file, UnaryOperator<String> normaliser) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return EMPTY;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": glossary is not valid UTF-8", e);
    }
    List<GlossaryEntry> entries = new ArrayList<>();
    Map<String, Set<String>> byKey = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      List<String> terms = new ArrayList<>();
      for (String raw : line.split("\t", -1)) {
        String term = raw.strip();
        if (term.isEmpty()) {
          throw new IllegalArgumentException(
              file + ":" + (i + 1) + ": empty term (two TABs in a row or a trailing TAB)");
        }
        terms.add(term);
      }
      if (terms.size() < 2) {
        throw new IllegalArgumentException(
            file
                + ":"
                + (i + 1)
                + ": a glossary line needs at least two TAB-separated terms, found: "
                + line.strip());
      }
      GlossaryEntry entry = new GlossaryEntry(terms, i + 1);
      entries.add(entry);
      for (String term : terms) {
        // A term listed in several concepts gets the union of their terms.
        byKey.computeIfAbsent(key(term, normaliser), k -> new LinkedHashSet<>()).addAll(terms);
      }
    }
    Map<String, Set<String>> frozen = new HashMap<>();
    byKey.forEach((k, v) -> frozen.put(k, Collections.unmodifiableSet(v)));
    return new Glossary(List.copyOf(entries), Map.copyOf(frozen), normaliser);
  }

  private static String key(String term, UnaryOperator<String> normaliser) {
    String folded = normaliser.apply(term.strip().toLowerCase(Locale.ROOT));
    return SPACES.matcher(folded).replaceAll(" ");
  }

  /** The concepts, in file order. */
  public List<GlossaryEntry> entries() {
    return entries;
  }

  /**
   * Every term of the concepts containing {@code term} (itself included, as written in the file),
   * or an empty set.
   */
  public Set<String> equivalents(String term) {
    if (term == null || entries.isEmpty()) {
      return Set.of();
    }
    return byKey.getOrDefault(key(term, normaliser), Set.of());
  }
}
