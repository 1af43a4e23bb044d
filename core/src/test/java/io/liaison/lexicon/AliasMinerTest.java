package io.liaison.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AliasMinerTest {

  @Test
  void anEnglishNameWithItsAcronymInBrackets() {
    assertEquals(List.of("China Economic Cooperation Center\tCECC"),
        AliasMiner.mine("It calls itself the China Economic Cooperation Center (CECC) abroad."));
  }

  @Test
  void anAcronymFollowedByItsExpansion() {
    assertEquals(List.of("CCPIT\tChina Council for the Promotion of International Trade"),
        AliasMiner.mine("CCPIT (China Council for the Promotion of International Trade) runs fairs."));
  }

  @Test
  void aChineseNameWithItsEnglishRenderingInFullWidthBrackets() {
    assertEquals(List.of("中国经济联络中心\tChina Economic Liaison Center"),
        AliasMiner.mine("成立于1993年的中国经济联络中心（China Economic Liaison Center）隶属中联部。"));
  }

  @Test
  void anEnglishNameWithItsChineseRendering() {
    assertEquals(List.of("Silk Road Fund\t丝路基金"), AliasMiner.mine("The Silk Road Fund (丝路基金) was set up in 2014."));
  }

  @Test
  void aChineseNameWithItsShortForm() {
    assertEquals(List.of("中国国际贸易促进委员会\t贸促会"), AliasMiner.mine("中国国际贸易促进委员会（贸促会）主办。"));
  }

  @Test
  void aTraditionalNameStartsAfterATraditionalParticle() {
    assertEquals(List.of("中國國際貿易促進委員會\t貿促會"), AliasMiner.mine("該中心與中國國際貿易促進委員會（貿促會）合辦展覽。"));
    assertEquals(List.of("中國經濟聯絡中心\tChina Economic Liaison Center"),
        AliasMiner.mine("該會對外稱中國經濟聯絡中心（China Economic Liaison Center）。"));
  }

  @Test
  void aParticleCharacterInsideAWordOfTheNameDoesNotCutIt() {
    // 对 in 对外 (external), 由 in 自由 (free): SmartCN keeps these words whole, so the name does too.
    assertEquals(List.of("中共中央对外联络部\t中联部"), AliasMiner.mine("该中心隶属于中共中央对外联络部（中联部）。"));
    assertEquals(List.of("中共中央對外聯絡部\t中聯部"), AliasMiner.mine("隸屬中共中央對外聯絡部（中聯部）"));
    assertEquals(List.of("自由软件基金会\tFree Software Foundation"),
        AliasMiner.mine("由自由软件基金会（Free Software Foundation）发布。"));
  }

  @Test
  void aNameStartsAfterAVerbOfBelongingOrAPrepositionThatLeadsIntoIt() {
    assertEquals(List.of("中共中央对外联络部\t中联部"), AliasMiner.mine("隶属中共中央对外联络部（中联部）"));
    assertEquals(List.of("安全传输层\tTLS"), AliasMiner.mine("或者安全传输层（TLS）"));
    assertEquals(List.of("中国国际贸易促进委员会\tCCPIT"), AliasMiner.mine("根据中国国际贸易促进委员会（CCPIT）的数据"));
  }

  @Test
  void slashPairsAcrossScripts() {
    assertEquals(List.of("中联部\tILD"), AliasMiner.mine("the CCP International Department (中联部 / ILD)").stream()
        .filter(a -> a.startsWith("中联部")).toList());
  }

  @Test
  void bracketsThatAreNotAliasesAreIgnored() {
    assertTrue(AliasMiner.mine("The Center (founded in 1993) grew. He left (see below). 数量（约600个）").isEmpty());
    assertTrue(AliasMiner.mine("the Foreign Ministry (ILD) said").isEmpty(), "initials must agree with the acronym");
    assertTrue(AliasMiner.mine("中国国际贸易促进委员会（商务部）").isEmpty(), "a short form uses the long form's characters");
  }

  @Test
  void emptyTextHasNoAliases() {
    assertTrue(AliasMiner.mine("").isEmpty());
  }
}
