package io.liaison.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegionalVariantsTest {
  @Test
  void aMainlandWordGetsItsTaiwanFormsFoldedToSimplifiedButNotTheOtherWayRound() {
    RegionalVariants v = RegionalVariants.parse(List.of("软件\t軟體", "信息\t資訊\t讯息", "端口\t连接埠\t埠"));
    assertEquals(List.of("软体"), v.taiwanForms("软件"), "軟體 is folded as the analyzer folds it");
    assertEquals(List.of("资讯", "讯息"), v.taiwanForms("信息"));
    assertEquals(List.of(), v.taiwanForms("软体"), "程序 is a Taiwan word too (procedure): no mainland forms for Taiwan words");
    assertEquals(List.of(), v.taiwanForms("电脑"));
    assertEquals(3, v.size());
  }

  @Test
  void aTaiwanFormLeadsBackToTheMainlandWordsItStandsFor() {
    RegionalVariants v = RegionalVariants.parse(List.of("软件\t軟體", "信息\t資訊\t讯息", "消息\t訊息"));
    assertEquals(List.of("软件"), v.mainlandForms("软体"));
    assertEquals(List.of("信息", "消息"), v.mainlandForms("讯息"), "in code point order, whichever line came first");
    assertEquals(List.of(), v.mainlandForms("软件"), "a mainland form is no Taiwan form");
    assertEquals(List.of(), v.mainlandForms("电脑"));
    assertEquals(List.of("缺省", "默认"), RegionalVariants.chinese().mainlandForms("预设"), "預設, folded");
  }

  @Test
  void theBundledListKnowsCommonComputingWords() {
    RegionalVariants v = RegionalVariants.chinese();
    assertTrue(v.size() > 250, "entries: " + v.size());
    assertEquals(List.of("软体"), v.taiwanForms("软件"));
    assertEquals(List.of("记忆体"), v.taiwanForms("内存"));
    assertTrue(v.taiwanForms("程序").contains("程式"));
    assertEquals(List.of("元件"), v.taiwanForms("组件"));
    assertEquals(List.of("回圈"), v.taiwanForms("循环"), "迴圈, folded as the analyzer folds it");
    assertEquals(List.of("远端"), v.taiwanForms("远程"));
    assertEquals(List.of("指令稿", "指令码"), v.taiwanForms("脚本"), "指令碼 too, as texts converted from mainland ones write it");
    assertEquals(List.of("套件", "软体包"), v.taiwanForms("软件包"));
  }

  @Test
  void aTaiwanFormIsLeftOutWhereTaiwansUsualSenseIsAnotherButNotWhereOnlyTheMainlandsIs() {
    RegionalVariants v = RegionalVariants.chinese();
    // Taiwan writes 背景 for 后台 (background process) but mostly means a context by it: a Traditional
    // query's 背景 would find mainland pages on 后台.
    assertEquals(List.of(), v.taiwanForms("后台"));
    assertEquals(List.of(), v.mainlandForms("背景"));
    // Taiwan's 建立 (create) is the mainland's "establish" too, but a Taiwan form counts in
    // Traditional pages only (elsewhere only beside another query word, through proximity), so a
    // mainland page's 建立 alone does not meet it (bench/crosslang, session 70).
    assertEquals(List.of("建立"), v.taiwanForms("创建"));
    assertEquals(List.of("创建"), v.mainlandForms("建立"));
  }
}
