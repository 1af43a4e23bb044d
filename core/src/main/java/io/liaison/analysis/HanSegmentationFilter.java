package io.liaison.analysis;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.WordType;
import org.apache.lucene.analysis.cn.smart.hhmm.HHMMSegmenter;
import org.apache.lucene.analysis.cn.smart.hhmm.SegToken;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.ArrayUtil;

/**
 * Joins runs of single-character {@code <IDEOGRAPHIC>} tokens (as {@link StandardTokenizer} emits
 * them) into words with SmartCN's HHMM segmenter.
 *
 * <p>A run is a sequence of adjacent tokens: each starts where the previous one ended and has a
 * position increment of 1. Every segmented word becomes one {@value #HAN_TYPE} token whose offsets
 * span its characters in the original text. Ideographic tokens that cannot join a run (a
 * supplementary character such as 𠀀, or a character with a combining mark) are emitted alone,
 * also as {@value #HAN_TYPE}. Other tokens pass through unchanged.
 *
 * <p>SmartCN's dictionary is Simplified Chinese: fold Traditional text first, for example with
 * {@link TraditionalToSimplifiedCharFilter}.
 */
public final class HanSegmentationFilter extends TokenFilter {

  /** Token type of Han words. */
  public static final String HAN_TYPE = "<HAN>";

  /**
   * Longest run handed to the segmenter at once, in characters; longer runs are cut. Like SmartCN's
   * own tokenizer buffer, it bounds memory on text that never punctuates.
   */
  static final int MAX_RUN_LENGTH = 1024;

  private static final String IDEOGRAPHIC =
      StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);

  private final HHMMSegmenter segmenter = new HHMMSegmenter();

  /**
   * Loads SmartCN's word and bigram dictionaries now (about 0.4 s of CPU, once per JVM), so that
   * a server can do it on a spare thread at start-up instead of in its first search.
   */
  public static void loadDictionaries() {
    new HHMMSegmenter().process("中国经济");
  }

  // The buffered run: its characters and, per character, the offsets of the token it came from.
  private final StringBuilder run = new StringBuilder();
  private int[] startOffsets = new int[32];
  private int[] endOffsets = new int[32];
  private int runPositionIncrement;

  private List<SegToken> words; // segmentation of the run being emitted, or null
  private int nextWord;
  private boolean firstWord;

  private State pending; // the token that ended the run, not yet emitted
  private boolean exhausted;

  /** Segments the ideographic runs of {@code input}. */
  public HanSegmentationFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    while (true) {
      if (words != null) {
        while (nextWord < words.size()) {
          SegToken word = words.get(nextWord++);
          // SmartCN brackets every sentence with begin and end marker tokens.
          if (word.wordType != WordType.SENTENCE_BEGIN && word.wordType != WordType.SENTENCE_END) {
            emit(word);
            return true;
          }
        }
        words = null;
      }
      if (pending != null) {
        restoreState(pending);
        pending = null;
      } else if (exhausted || !input.incrementToken()) {
        exhausted = true;
        return false;
      }
      if (!IDEOGRAPHIC.equals(typeAtt.type())) {
        return true;
      }
      if (!isRunCharacter()) {
        typeAtt.setType(HAN_TYPE);
        return true;
      }
      bufferRun();
    }
  }

  private boolean isRunCharacter() {
    return termAtt.length() == 1 && !Character.isSurrogate(termAtt.charAt(0));
  }

  /** Buffers the current token and the adjacent ideographs after it, then segments them. */
  private void bufferRun() throws IOException {
    run.setLength(0);
    runPositionIncrement = posIncAtt.getPositionIncrement();
    append();
    while (run.length() < MAX_RUN_LENGTH) {
      if (!input.incrementToken()) {
        exhausted = true;
        break;
      }
      if (IDEOGRAPHIC.equals(typeAtt.type())
          && isRunCharacter()
          && posIncAtt.getPositionIncrement() == 1
          && offsetAtt.startOffset() == endOffsets[run.length() - 1]) {
        append();
      } else {
        pending = captureState();
        break;
      }
    }
    words = segmenter.process(run.toString());
    nextWord = 0;
    firstWord = true;
  }

  private void append() {
    int i = run.length();
    if (i == startOffsets.length) {
      startOffsets = ArrayUtil.grow(startOffsets, i + 1);
      endOffsets = ArrayUtil.growExact(endOffsets, startOffsets.length);
    }
    startOffsets[i] = offsetAtt.startOffset();
    endOffsets[i] = offsetAtt.endOffset();
    run.append(termAtt.charAt(0));
  }

  // SegToken offsets index the run string; its charArray is a placeholder for some word types.
  private void emit(SegToken word) {
    clearAttributes();
    termAtt.append(run, word.startOffset, word.endOffset);
    offsetAtt.setOffset(startOffsets[word.startOffset], endOffsets[word.endOffset - 1]);
    typeAtt.setType(HAN_TYPE);
    posIncAtt.setPositionIncrement(firstWord ? runPositionIncrement : 1);
    firstWord = false;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    run.setLength(0);
    words = null;
    pending = null;
    exhausted = false;
  }
}
