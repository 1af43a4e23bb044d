package io.liaison.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Model 1 over a handful of phrase entries, their Chinese already cut into words. */
class PhraseAlignmentTest {

  private static Map<String, Map<String, Float>> learn(Map<String, List<String>> phrases) {
    return PhraseAlignment.learn(phrases, (english, text) -> Arrays.asList(text.split(" ")),
        word -> word.equals("files") ? "file" : word, Set.of("a", "the")::contains);
  }

  private static Map<String, List<String>> phrases() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("create directory", List.of("创建 目录"));
    p.put("create files", List.of("创建 文件"));
    p.put("create table", List.of("创建 表格"));
    p.put("create a user", List.of("创建 用户", "新建 用户"));
    p.put("create index", List.of("创建 索引"));
    p.put("create group", List.of("创建 群组"));
    p.put("delete directory", List.of("删除 目录"));
    p.put("delete files", List.of("删除 文件"));
    p.put("delete the table", List.of("删除 表格"));
    p.put("delete user", List.of("删除 用户"));
    p.put("directory tree", List.of("目录 树"));
    p.put("directory entry", List.of("目录 条目"));
    p.put("home directory", List.of("主 目录"));
    p.put("file name", List.of("文件 名称"));
    p.put("file size", List.of("文件 大小"));
    p.put("create poem", List.of("创作 诗歌"));
    return p;
  }

  @Test
  void aWordTakesTheChineseItsPhrasesShare() {
    Map<String, Map<String, Float>> shares = learn(phrases());
    assertEquals("创建", best(shares.get("create")));
    assertEquals("删除", best(shares.get("delete")));
    assertEquals("目录", best(shares.get("directory")));
    assertTrue(shares.get("create").get("创建") > 0.7f, shares.toString());
  }

  @Test
  void anInflectedFormCountsAsItsLemma() {
    Map<String, Map<String, Float>> shares = learn(phrases());
    assertEquals("文件", best(shares.get("file")), "files and file are one word: " + shares);
    assertFalse(shares.containsKey("files"), shares.toString());
  }

  @Test
  void rarePairsSingleCharactersAndStopWordsAreLeftOut() {
    Map<String, List<String>> p = phrases();
    p.put("tree view", List.of("树 视图"));
    p.put("tree root", List.of("树 根"));
    p.put("tree walk", List.of("树 遍历"));
    Map<String, Map<String, Float>> shares = learn(p);
    assertFalse(shares.getOrDefault("create", Map.of()).containsKey("创作"), "seen in one phrase only: " + shares);
    assertFalse(shares.containsKey("poem"), shares.toString());
    assertFalse(shares.getOrDefault("tree", Map.of()).containsKey("树"), "one character: " + shares);
    assertFalse(shares.containsKey("a") || shares.containsKey("the"), shares.toString());
    float sum = 0;
    for (float v : shares.get("create").values()) {
      sum += v;
    }
    assertTrue(sum <= 1.0001f, "shares of one word sum to at most 1: " + sum);
  }

  private static String best(Map<String, Float> shares) {
    return shares.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }
}
