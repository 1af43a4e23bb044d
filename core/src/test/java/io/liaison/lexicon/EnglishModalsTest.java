package io.liaison.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnglishModalsTest {

  @ParameterizedTest(name = "{0} {1} {2} (first: {3}) -> {4}")
  @CsvSource(nullValues = "-", value = {
      // A modal: a word follows, no determiner before it.
      "you, can, use, false, true",
      "-, Can, I, true, true",
      "it, may, boot, false, true",
      "which, might, also, false, true",
      "they, will, need, false, true",
      // After a demonstrative or a quantifier that stands alone as a pronoun, or a relative that.
      "this, will, install, false, true",
      "This, may, be, false, true",
      "that, can, be, false, true",
      "these, might, fail, false, true",
      "some, will, refuse, false, true",
      "each, can, be, false, true",
      // A noun: after a determiner or possessive, or in an idiom's adjective (free will).
      "a, can, of, false, false",
      "the, can, opener, false, false",
      "his, will, be, false, false",
      "free, will, and, false, false",
      "every, can, of, false, false",
      // Nothing follows, or a number does: a noun, or a month.
      "you, can, -, false, false",
      "in, may, 2024, false, false",
      // Capitalised inside a sentence: a name or a month; in capitals anywhere: a name.
      "in, May, the, false, false",
      "-, CAN, bus, true, false",
      // Not one of the four.
      "you, could, use, false, false",
      "you, cannot, use, false, false",
  })
  void aModalIsToldFromItsNeighbours(String previous, String word, String next, boolean first, boolean modal) {
    assertEquals(modal, EnglishModals.standsAsModal(previous, word, next, first));
  }

  @Test
  void theNeighboursAreReadFromTheTextAsWritten() {
    // Stop words the analyser drops (it, be, in, the) are neighbours all the same.
    assertTrue(inText("Sometimes it can be hard", "can"));
    assertTrue(inText("the options that may be given", "may"), "a relative that before it");
    assertFalse(inText("released in May after testing", "May"), "a month inside the sentence");
    assertFalse(inText("the can opener", "can"));
    // Across a full stop the word begins a sentence, so its capital is the sentence's.
    assertTrue(inText("Files. Can you boot", "Can"));
    assertFalse(inText("you can", "can"), "nothing after it");
    assertFalse(inText("due in may 2024", "may"), "a number after it");
    assertFalse(inText("you can, perhaps", "can"), "a comma after it");
  }

  @Test
  void aModalsSensesAreItsModalOnesInAnyCase() {
    assertEquals(List.of("可以", "能", "能够"), EnglishModals.modalSenses("Can"));
    assertEquals(List.of("可能", "也许"), EnglishModals.modalSenses("might"));
    assertTrue(EnglishModals.modalSenses("could").isEmpty(), "could is a function word, not one of the four");
  }

  private static boolean inText(String text, String word) {
    int at = text.indexOf(word);
    return EnglishModals.standsAsModal(text, at, at + word.length());
  }
}
