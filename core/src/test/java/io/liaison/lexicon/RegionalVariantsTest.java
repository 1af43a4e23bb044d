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
  void theBundledListKnowsCommonComputingWords() {
    RegionalVariants v = RegionalVariants.chinese();
    assertTrue(v.size() > 150, "entries: " + v.size());
    assertEquals(List.of("软体"), v.taiwanForms("软件"));
    assertEquals(List.of("记忆体"), v.taiwanForms("内存"));
    assertTrue(v.taiwanForms("程序").contains("程式"));
  }
}
