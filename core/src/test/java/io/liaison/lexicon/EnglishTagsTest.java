package io.liaison.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnglishTagsTest {

  /** Whether the two words {@code pair}, where they first stand in {@code text}, are a noun and its preposition. */
  @ParameterizedTest(name = "{1} in \"{0}\" -> {2}")
  @CsvSource(delimiter = '|', value = {
      // A noun after a verb, a preposition, an adjective, a determiner or a possessive.
      "search for files in a directory hierarchy | files in | true",
      "Preparing Files for Hard Disk Booting | Files for | true",
      "Special Thanks to Contributors | Thanks to | true",
      "This is the last step in the installation process | step in | true",
      "back up your files in a safe place | files in | true",
      "the user's files in the home directory | files in | true",
      // A verb: after its subject, or first in the text.
      "Every time that a user logs in, they get an identity | logs in | false",
      "fill in the form | fill in | false",
      "set up the network | set up | false",
      // A noun and a noun, not a preposition: the dictionary's compounds stay.
      "mount the file system read-only | file system | false",
      // A noun's phrase with of (one of: 其中之一) is no phrasal verb.
      "any one of the following | one of | false",
      // Not two words.
      "copy files and directories | files and directories | false",
  })
  void nounBeforePreposition(String text, String pair, boolean expected) {
    int start = text.indexOf(pair);
    assertEquals(expected, EnglishTags.of(text).nounBeforePreposition(start, start + pair.length()),
        () -> pair + " in \"" + text + "\"");
  }
}
