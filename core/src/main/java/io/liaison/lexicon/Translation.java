package io.liaison.lexicon;
public record Translation(String text, float weight) {}
