package io.liaison.search;

/**
 * A hit's version: the same text in the other language, or in the other Chinese script, found by
 * {@link VersionLinker}.
 *
 * @param id the version's document id
 * @param title its title
 * @param lang its language code
 * @param script {@code Hans} or {@code Hant} for a text holding Chinese, empty for an English one
 */
public record Version(String id, String title, String lang, String script) {
  /** How a reader is told where the version is: its language code, {@code zh-Hant} for Traditional text. */
  public String label() {
    return "Hant".equals(script) ? "zh-Hant" : lang;
  }
}
