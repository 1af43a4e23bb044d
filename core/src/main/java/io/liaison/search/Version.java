package io.liaison.search;

/**
 * A hit's version in the other language: the same text, translated, found by {@link VersionLinker}.
 *
 * @param id the version's document id
 * @param title its title
 * @param lang its language code
 */
public record Version(String id, String title, String lang) {}
