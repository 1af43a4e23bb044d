package io.liaison.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.model.BaseModel;
import opennlp.tools.util.Span;

/**
 * The parts of speech of one English text's words, read once per text by Apache OpenNLP's
 * tokenizer and tagger with the ASF's English models (trained on Universal Dependencies' English
 * Web Treebank, whose tags they give: NOUN, VERB, ADP, and AUX+PART for doesn't).
 *
 * <p>One question is asked of them: whether two words that the dictionary holds as a phrasal verb
 * (file in: 鱼贯而入, step in: 走进, thanks to: 由于) are a noun and the preposition after it
 * instead, as in "files in a directory", "a step in the installation", "Special Thanks to". The
 * tagger alone often reads a verb ending in -s after its subject as a noun ("a user logs in", "the
 * server asks for"), so the noun must also follow a word that a verb does not follow as its subject
 * does: a determiner, an adjective, a number, a preposition, a verb or a possessive. A noun's
 * phrase with of (one of: 其中之一, summary of: 摘要) is no phrasal verb, and is left alone.
 *
 * <p>The models are loaded once, on first use or by {@link #prepare} (about 0.3 s); a tokenizer and
 * a tagger are not thread-safe, so each pair is lent to one text at a time. Reading a sentence
 * takes about 0.1 ms.
 */
public final class EnglishTags {
  /** The tags of a word that heads a noun phrase. */
  private static final Set<String> NOUNS = Set.of("NOUN", "PROPN");
  /** The tags of a word that a noun follows where the noun is no verb's subject. */
  private static final Set<String> BEFORE_NOUN = Set.of("DET", "ADJ", "NUM", "ADP", "VERB");
  /** Possessives, which the model tags as pronouns. */
  private static final Set<String> POSSESSIVES = Set.of("my", "your", "his", "her", "its", "our", "their");
  /** The tags of a phrasal verb's particle or a preposition (of excepted: one of, summary of are nouns' phrases). */
  private static final Set<String> PARTICLES = Set.of("ADP", "PART", "ADV");

  private final Span[] spans;
  private final String[] words;
  private final String[] tags;

  private EnglishTags(String text) {
    Tagger tagger = Models.TAGGERS.poll();
    if (tagger == null) {
      tagger = new Tagger(new TokenizerME(Models.TOKENS), new POSTaggerME(Models.TAGS, POSTagFormat.UD));
    }
    try {
      spans = tagger.tokens().tokenizePos(text);
      words = Span.spansToStrings(spans, text);
      tags = tagger.tags().tag(words);
    } finally {
      Models.TAGGERS.offer(tagger);
    }
  }

  /** Loads both models now (about 0.3 s), so that the first query needing them does not wait. */
  public static void prepare() {
    Models.TAGGERS.size(); // any use of Models initialises it, which reads both models
  }

  /** Tags {@code text}. */
  public static EnglishTags of(String text) {
    return new EnglishTags(text);
  }

  /**
   * True if the text from {@code start} to {@code end} is two words, a noun and a preposition or
   * particle after it, and the noun follows a determiner, adjective, number, preposition, verb or
   * possessive: "the blocks in", "Preparing Files for", "your files in". Not at the text's start,
   * nor after a noun or pronoun ("a user logs in", "they work on"), nor after a comma.
   */
  public boolean nounBeforePreposition(int start, int end) {
    int i = wordAt(start);
    if (i < 1 || i + 1 >= spans.length || spans[i + 1].getEnd() != end) {
      return false;
    }
    if (!NOUNS.contains(tags[i]) || !PARTICLES.contains(tags[i + 1]) || words[i + 1].equalsIgnoreCase("of")) {
      return false;
    }
    String before = words[i - 1].toLowerCase(Locale.ROOT);
    return BEFORE_NOUN.contains(tags[i - 1]) || POSSESSIVES.contains(before)
        || tags[i - 1].endsWith("+PART") && (before.endsWith("'s") || before.endsWith("’s"));
  }

  private int wordAt(int offset) {
    for (int i = 0; i < spans.length; i++) {
      if (spans[i].getStart() == offset) {
        return i;
      }
    }
    return -1;
  }

  /** A tokenizer and a tagger, lent to one text at a time. */
  private record Tagger(TokenizerME tokens, POSTaggerME tags) {}

  /** The two models, found on the class path by the properties files their Maven artifacts ship. */
  private static final class Models {
    static final TokenizerModel TOKENS = load("-tokens-", TokenizerModel::new, "opennlp-models-tokenizer-en");
    static final POSModel TAGS = load("-pos-", POSModel::new, "opennlp-models-pos-en");
    static final Queue<Tagger> TAGGERS = new ConcurrentLinkedQueue<>();

    private interface Reader<M extends BaseModel> {
      M read(InputStream in) throws IOException;
    }

    private static <M extends BaseModel> M load(String kind, Reader<M> reader, String artifact) {
      try {
        ClassLoader loader = EnglishTags.class.getClassLoader();
        Enumeration<URL> found = loader.getResources("model.properties");
        while (found.hasMoreElements()) {
          Properties properties = new Properties();
          try (InputStream in = found.nextElement().openStream()) {
            properties.load(in);
          }
          String name = properties.getProperty("model.name", "");
          if ("en".equals(properties.getProperty("model.language")) && name.contains(kind)) {
            try (InputStream model = loader.getResourceAsStream(name)) {
              if (model != null) {
                return reader.read(model);
              }
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("could not read OpenNLP's English model " + artifact, e);
      }
      throw new IllegalStateException("OpenNLP's English model is not on the class path:"
          + " add org.apache.opennlp:" + artifact + " (a dependency of liaison-core)");
    }
  }
}
